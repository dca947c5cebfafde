package com.kcm.complaint.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.kcm.complaint.Category;
import com.kcm.complaint.Channel;
import com.kcm.complaint.ComplainantType;
import com.kcm.complaint.ComplaintKind;
import com.kcm.complaint.ComplaintStatus;
import com.kcm.complaint.RepairReason;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.web.LayoutAdvice;
import com.kcm.shared.web.Messages;

/** What every complaint screen needs: the time formatter, the caller's effective roles, the code lists. */
@ControllerAdvice(basePackageClasses = ComplaintWebAdvice.class)
class ComplaintWebAdvice {

	private final TimeText time;
	private final RoleHierarchy hierarchy;

	ComplaintWebAdvice(TimeText time, RoleHierarchy hierarchy) {
		this.time = time;
		this.hierarchy = hierarchy;
	}

	@ModelAttribute
	void common(Authentication auth, Model model, jakarta.servlet.http.HttpServletRequest request) {
		if (LayoutAdvice.isApi(request)) {
			return;
		}
		model.addAttribute("fmt", time);
		model.addAttribute("roles", auth == null ? Set.of() : LayoutAdvice.effectiveRoles(auth, hierarchy));
		model.addAttribute("statuses", ComplaintStatus.values());
		model.addAttribute("kinds", ComplaintKind.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("complainantTypes", ComplainantType.values());
		model.addAttribute("repairReasons", RepairReason.values());
	}

	static Set<String> roles(Model model) {
		@SuppressWarnings("unchecked")
		Set<String> roles = (Set<String>) model.getAttribute("roles");
		return roles == null ? Set.of() : roles;
	}

	/** The refused input as messages for the top of the form and per field (field → message). */
	static void refused(RuntimeException e, MessageSource messages, Model model) {
		if (e instanceof ValidationException v) {
			model.addAttribute("errors", Messages.render(messages, v.violations()));
			Map<String, String> byField = new LinkedHashMap<>();
			for (Violation x : v.violations()) {
				if (x.field() != null) {
					byField.putIfAbsent(x.field(), messages.getMessage(x.code(), x.args(), x.code(),
							LocaleContextHolder.getLocale()));
				}
			}
			model.addAttribute("fieldErrors", byField);
		} else if (e instanceof DomainException d) {
			Object[] args = d.args() == null ? null : java.util.Arrays.stream(d.args())
					.map(a -> a instanceof ComplaintStatus s ? messages.getMessage("cweb.status." + s.name(), null, s.name(),
							LocaleContextHolder.getLocale()) : a)
					.toArray();
			model.addAttribute("errors", List.of(messages.getMessage(d.code(), args, d.code(),
					LocaleContextHolder.getLocale())));
			model.addAttribute("fieldErrors", Map.of());
		} else {
			throw e;
		}
	}
}
