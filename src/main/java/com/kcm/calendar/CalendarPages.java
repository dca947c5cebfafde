package com.kcm.calendar;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/** The calendar of a year (ADMIN): twelve months with holidays and make-up days, edits, CSV import, publication. */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasRole('ADMIN')")
class CalendarPages {

	private final CalendarQueries queries;
	private final CalendarAdministration administration;
	private final BusinessCalendar calendar;
	private final MessageSource messages;
	private final Clock clock;

	CalendarPages(CalendarQueries queries, CalendarAdministration administration, BusinessCalendar calendar,
			MessageSource messages, Clock clock) {
		this.queries = queries;
		this.administration = administration;
		this.calendar = calendar;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String year(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? today().getYear() : Math.max(CalendarAdministration.EARLIEST_YEAR,
				Math.min(CalendarAdministration.LATEST_YEAR, year));
		return render(y, model, Map.of("kind", "HOLIDAY"));
	}

	@PostMapping("/days")
	String setDay(@RequestParam(required = false) String date, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String name, @RequestParam(required = false) Integer year, Model model,
			RedirectAttributes redirect) {
		try {
			administration.apply(List.of(new CalendarAdministration.DayChange(date, kind, name)));
		} catch (ValidationException e) {
			// one day from a form: the messages name the field, not an item number
			model.addAttribute("errors", Messages.render(messages,
					e.violations().stream().map(v -> new Violation(v.field(), null, v.code(), v.args())).toList()));
			Map<String, String> form = new LinkedHashMap<>();
			form.put("date", date == null ? "" : date);
			form.put("kind", kind == null ? "" : kind);
			form.put("name", name == null ? "" : name);
			return render(year == null ? today().getYear() : year, model, form);
		}
		return saved(redirect, LocalDate.parse(date.strip()).getYear());
	}

	@PostMapping("/days/{date}/remove")
	String removeDay(@PathVariable String date, RedirectAttributes redirect) {
		administration.apply(List.of(new CalendarAdministration.DayChange(date, CalendarAdministration.WORKDAY, null)));
		return saved(redirect, LocalDate.parse(date).getYear());
	}

	@PostMapping("/import")
	String importFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) Integer year, Model model,
			RedirectAttributes redirect) throws IOException {
		int y = year == null ? today().getYear() : year;
		try {
			int n = administration.importFile(file.getOriginalFilename(), file.getInputStream());
			redirect.addFlashAttribute("flash", messages.getMessage("import.done", new Object[] { n }, LocaleContextHolder.getLocale()));
			return "redirect:/admin/calendar?year=" + y;
		} catch (ValidationException e) {
			model.addAttribute("importErrors", Messages.render(messages, e.violations()));
			return render(y, model, Map.of("kind", "HOLIDAY"));
		}
	}

	@PostMapping("/years/{year}")
	String publish(@PathVariable int year, @RequestParam boolean published, RedirectAttributes redirect) {
		administration.publish(year, published);
		return saved(redirect, year);
	}

	private String saved(RedirectAttributes redirect, int year) {
		redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, LocaleContextHolder.getLocale()));
		return "redirect:/admin/calendar?year=" + year;
	}

	private String render(int year, Model model, Map<String, String> form) {
		List<CalendarDay> entries = queries.days(year);
		Map<LocalDate, CalendarDay> byDate = entries.stream().collect(Collectors.toMap(CalendarDay::getDate, Function.identity()));
		model.addAttribute("year", year);
		model.addAttribute("months", CalendarMonth.year(year, byDate));
		model.addAttribute("entries", entries);
		model.addAttribute("publication", queries.year(year).orElse(null));
		model.addAttribute("published", calendar.isPublished(year));
		model.addAttribute("missingYears", calendar.missingYears());
		model.addAttribute("form", form);
		model.addAttribute("kinds", List.of(DayKind.HOLIDAY.name(), DayKind.MAKEUP_WORKDAY.name(), CalendarAdministration.WORKDAY));
		return "calendar/calendar";
	}

	private LocalDate today() {
		return clock.instant().atZone(TimeConfig.BUSINESS_ZONE).toLocalDate();
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {
		@Bean
		NavItem calendarMenu() {
			return new NavItem("admin", 30, "nav.calendar", "/admin/calendar", Set.of("ADMIN"));
		}
	}
}
