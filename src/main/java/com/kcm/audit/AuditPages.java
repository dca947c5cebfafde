package com.kcm.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.web.NavItem;

/** Search of the audit trail by actor, action, object and period (ADMIN). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPages {

	static final List<String> ACTIONS = List.of(Audit.CREATE, Audit.UPDATE, Audit.DELETE, Audit.LOGIN,
			Audit.LOGIN_FAILED, Audit.ACCESS_DENIED, Audit.NOT_VISIBLE, Audit.PERSONAL_DATA_VIEWED, Audit.EXPORT,
			Audit.IMPORT, Audit.ANONYMISE);

	private final Audit audit;

	AuditPages(Audit audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var q = new AuditQuery(actor, action, entityType, entityId,
				from == null ? null : from.atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant());
		model.addAttribute("page", audit.search(q, PageRequest.of(Math.max(page, 0), 50, Sort.by(Sort.Direction.DESC, "at", "id"))));
		model.addAttribute("actions", ACTIONS);
		model.addAttribute("zone", TimeConfig.BUSINESS_ZONE);
		return "audit/search";
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {
		@Bean
		NavItem auditMenu() {
			return new NavItem("admin", 90, "nav.audit", "/audit", Set.of("ADMIN"));
		}
	}
}
