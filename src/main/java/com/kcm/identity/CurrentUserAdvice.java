package com.kcm.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.kcm.shared.web.LayoutAdvice;

/**
 * Every page gets the signed-in user as {@code me} (name and roles in the top bar): added when a page is
 * about to be rendered, so calls to the REST API do not pay for it.
 */
@Component
class CurrentUserAdvice implements HandlerInterceptor, WebMvcConfigurer {

	private final CurrentUsers users;

	CurrentUserAdvice(CurrentUsers users) {
		this.users = users;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
		if (LayoutAdvice.rendersPage(page) && !LayoutAdvice.isApi(request)) {
			page.addObject("me", users.find().orElse(null));
		}
	}
}
