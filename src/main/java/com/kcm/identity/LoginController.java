package com.kcm.identity;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Chinese sign-in page; tells a locked account apart from a wrong password. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(HttpSession session, Model model) {
		Object last = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (last instanceof LockedException) {
			model.addAttribute("loginError", "login.locked");
		} else if (last instanceof DisabledException) {
			model.addAttribute("loginError", "login.disabled");
		} else if (last != null) {
			model.addAttribute("loginError", "login.failed");
		}
		session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		return "identity/login";
	}
}
