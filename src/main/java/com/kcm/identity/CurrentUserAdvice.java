package com.kcm.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page gets the signed-in user as {@code me} (name and roles in the top bar). */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

	private final CurrentUsers users;

	CurrentUserAdvice(CurrentUsers users) {
		this.users = users;
	}

	@ModelAttribute("me")
	CurrentUser me(jakarta.servlet.http.HttpServletRequest request) {
		return com.kcm.shared.web.LayoutAdvice.isApi(request) ? null : users.find().orElse(null);
	}
}
