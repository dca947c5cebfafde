package com.kcm.privacy;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/** The access-log review (ADMIN): months with their sign-off or overdue mark; one month's entries and the sign-off. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AccessReviewPages {

	private final AccessReviews reviews;
	private final MessageSource messages;

	AccessReviewPages(AccessReviews reviews, MessageSource messages) {
		this.reviews = reviews;
		this.messages = messages;
	}

	@GetMapping("/privacy/access-reviews")
	String overview(Model model) {
		model.addAttribute("months", reviews.overview());
		model.addAttribute("zone", TimeConfig.BUSINESS_ZONE);
		return "privacy/access-reviews";
	}

	@GetMapping("/privacy/access-reviews/{month}")
	String month(@PathVariable String month, Model model) {
		return month(parse(month), model);
	}

	@PostMapping("/privacy/access-reviews/{month}")
	String signOff(@PathVariable String month, @RequestParam(required = false) String findings, Model model,
			RedirectAttributes redirect) {
		YearMonth m = parse(month);
		var locale = LocaleContextHolder.getLocale();
		try {
			reviews.signOff(m, findings);
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
			model.addAttribute("findings", findings);
			return month(m, model);
		} catch (DomainException e) {
			model.addAttribute("errors", List.of(messages.getMessage(e.code(), e.args(), e.code(), locale)));
			model.addAttribute("findings", findings);
			return month(m, model);
		}
		redirect.addFlashAttribute("flash", messages.getMessage("privacy.review.signedOff", null, locale));
		return "redirect:/privacy/access-reviews/" + m;
	}

	private String month(YearMonth m, Model model) {
		model.addAttribute("month", reviews.month(m));
		model.addAttribute("summary", reviews.summary(m));
		model.addAttribute("from", m.atDay(1));
		model.addAttribute("to", m.atEndOfMonth());
		model.addAttribute("zone", TimeConfig.BUSINESS_ZONE);
		return "privacy/access-review";
	}

	private static YearMonth parse(String month) {
		try {
			return YearMonth.parse(month);
		} catch (DateTimeParseException e) {
			throw new NotFoundException("month", month);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {
		@Bean
		NavItem accessReviewMenu() {
			return new NavItem("admin", 92, "privacy.nav.reviews", "/privacy/access-reviews", Set.of("ADMIN"));
		}
	}
}
