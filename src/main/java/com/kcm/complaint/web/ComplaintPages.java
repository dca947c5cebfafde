package com.kcm.complaint.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.complaint.CallbackAnswers;
import com.kcm.complaint.Channel;
import com.kcm.complaint.ComplaintHandling;
import com.kcm.complaint.ComplaintKind;
import com.kcm.complaint.ComplaintScreens;
import com.kcm.complaint.ComplaintScreenshots;
import com.kcm.complaint.ComplaintStatus;
import com.kcm.complaint.ComplaintSubCategories;
import com.kcm.complaint.ReplyContent;
import com.kcm.complaint.WorkOrderStatus;
import com.kcm.dealer.DealerCatalog;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.files.FileStore;

/**
 * The complaint page: everything about one complaint, and the forms of the moves the caller's roles allow
 * in its present state. A refused move shows its reason on the page and changes nothing.
 */
@Controller
@PreAuthorize(ComplaintRoles.READ)
class ComplaintPages {

	private final ComplaintScreens screens;
	private final ComplaintHandling handling;
	private final ComplaintScreenshots screenshots;
	private final DealerCatalog dealers;
	private final CurrentUsers users;
	private final MessageSource messages;

	private final ComplaintSubCategories subCategories;

	ComplaintPages(ComplaintScreens screens, ComplaintHandling handling, ComplaintScreenshots screenshots,
			DealerCatalog dealers, CurrentUsers users, MessageSource messages, ComplaintSubCategories subCategories) {
		this.subCategories = subCategories;
		this.screens = screens;
		this.handling = handling;
		this.screenshots = screenshots;
		this.dealers = dealers;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/complaints/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		return show(id, model);
	}

	private String show(long id, Model model) {
		ComplaintScreens.Detail c = screens.detail(id);
		Map<String, Boolean> may = may(c, ComplaintWebAdvice.roles(model), users.current());
		model.addAttribute("c", c);
		model.addAttribute("may", may);
		if (may.get("dispatch") || may.get("transfer") || may.get("redispatch")) {
			model.addAttribute("dealers", dealers.all());
		}
		if (c.subCategory() != null || may.get("dispatch") || may.get("correctCategory")) {
			Map<String, ComplaintSubCategories.SubCategory> subs = subCategories.byCode();
			model.addAttribute("subCategory", c.subCategory() == null ? null : subs.get(c.subCategory()));
			model.addAttribute("subCategories", subs.values().stream().filter(s -> s.active()).toList());
		}
		return "complaint/detail";
	}

	/** The moves offered: the caller's roles and the complaint's state (the services check both again). */
	static Map<String, Boolean> may(ComplaintScreens.Detail c, Set<String> roles, CurrentUser me) {
		boolean specialist = roles.contains("AFTER_SALES");
		boolean agent = roles.contains("CS_AGENT");
		boolean dealer = roles.contains("DEALER");
		boolean regional = roles.contains("REGIONAL");
		boolean repair = c.kind() == ComplaintKind.REPAIR_REQUEST;
		boolean online = c.channel() == Channel.ONLINE;
		boolean dispatcher = repair ? agent || specialist : online ? specialist || regional : specialist;
		boolean ownOrder = c.currentDealerId() != null && (!dealer || c.currentDealerId().equals(me.dealerId()));
		ComplaintStatus s = c.status();
		boolean working = s == ComplaintStatus.DISPATCHED || s == ComplaintStatus.IN_PROGRESS;
		boolean currentUnconfirmed = c.workOrders().stream()
				.anyMatch(w -> w.current() && w.status() == WorkOrderStatus.DISPATCHED);
		Map<String, Boolean> m = new LinkedHashMap<>();
		m.put("dispatch", s == ComplaintStatus.REGISTERED && dispatcher);
		m.put("cancel", s == ComplaintStatus.REGISTERED && (agent || specialist));
		m.put("confirm", working && currentUnconfirmed && ownOrder && (dealer || specialist));
		m.put("reply", (working || s == ComplaintStatus.CLOSURE_REQUESTED) && ownOrder
				&& (dealer || specialist || regional));
		m.put("requestClosure", s == ComplaintStatus.IN_PROGRESS && c.currentReplied()
				&& (specialist || (repair && agent)));
		m.put("callback", s == ComplaintStatus.CLOSURE_REQUESTED && agent);
		m.put("closeUnreachable", roles.contains("CS_SUPERVISOR") && c.unreachableClosureAllowed());
		m.put("transfer", working && dispatcher);
		m.put("redispatch", working && dispatcher && !c.currentReplied());
		m.put("correctCategory", specialist && c.category() != null && s != ComplaintStatus.REGISTERED
				&& s != ComplaintStatus.CANCELLED);
		m.put("nominate", specialist && c.nominatedAt() == null
				&& (working || s == ComplaintStatus.CLOSURE_REQUESTED));
		m.put("projectNo", c.escalatedAt() != null && (specialist || agent));
		m.put("repeat", c.open() && (agent || specialist));
		m.put("any", m.values().stream().anyMatch(Boolean::booleanValue));
		m.put("screenshots", online && (specialist || regional));
		return m;
	}

	@PostMapping("/complaints/{id:\\d+}/dispatch")
	String dispatch(@PathVariable long id, @RequestParam(required = false) String dealerCode,
			@RequestParam(required = false) String category, @RequestParam(required = false) String subCategory,
			@RequestParam(required = false) String suggestion, @RequestParam(required = false) String dealerContact,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, "dispatch", () -> handling.dispatch(id, code(dealerCode), category, subCategory,
				blank(suggestion), blank(dealerContact)), model, redirect, response, null);
	}

	@PostMapping("/complaints/{id:\\d+}/confirm")
	String confirm(@PathVariable long id, @RequestParam long workOrderId, @RequestParam(required = false) String back,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, "confirm", () -> handling.confirm(id, workOrderId), model, redirect, response, back);
	}

	@PostMapping("/complaints/{id:\\d+}/reply")
	String reply(@PathVariable long id, @RequestParam long workOrderId,
			@RequestParam(required = false) String contactedCustomerAt,
			@RequestParam(defaultValue = "false") boolean finalResult, @RequestParam(required = false) String text,
			@RequestParam(required = false) String faultCause, @RequestParam(required = false) String qualityDefect,
			@RequestParam(required = false) String partsReplaced, @RequestParam(defaultValue = "false") boolean noParts,
			@RequestParam(required = false) String repairOrderNo, @RequestParam(required = false) String claimNo,
			@RequestParam(required = false) String delayReason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return move(id, "reply", () -> {
			List<String> parts = noParts ? List.of()
					: partsReplaced == null || partsReplaced.isBlank() ? null
							: Arrays.stream(partsReplaced.split("\\R")).map(String::trim).filter(p -> !p.isEmpty())
									.toList();
			Boolean defect = qualityDefect == null || qualityDefect.isBlank() ? null : Boolean.valueOf(qualityDefect);
			handling.reply(id, workOrderId, new ReplyContent(TimeText.parse(contactedCustomerAt, "contactedCustomerAt"),
					finalResult, blank(text), blank(faultCause), defect, parts, blank(repairOrderNo), blank(claimNo),
					blank(delayReason), false));
		}, model, redirect, response, null);
	}

	@PostMapping("/complaints/{id:\\d+}/request-closure")
	String requestClosure(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, "requestClosure", () -> handling.requestClosure(id), model, redirect, response, null);
	}

	@PostMapping("/complaints/{id:\\d+}/callback")
	String callback(@PathVariable long id, @RequestParam(required = false) String reached,
			@RequestParam(required = false) String resolved, @RequestParam(required = false) String satisfied,
			@RequestParam(required = false) String falseReply, @RequestParam(required = false) String notes,
			@RequestParam(required = false) String back, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return move(id, "callback", () -> {
			if (reached == null || reached.isBlank()) {
				throw ValidationException.of("reached", "error.required");
			}
			handling.recordCallback(id, new CallbackAnswers(Boolean.parseBoolean(reached), bool(resolved), bool(satisfied),
					bool(falseReply), blank(notes)));
		}, model, redirect, response, back);
	}

	@PostMapping("/complaints/{id:\\d+}/close-unreachable")
	String closeUnreachable(@PathVariable long id, @RequestParam(required = false) String back, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, "closeUnreachable", () -> handling.closeUnreachable(id), model, redirect, response, back);
	}

	@PostMapping("/complaints/{id:\\d+}/transfer")
	String transfer(@PathVariable long id, @RequestParam(required = false) String dealerCode,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return move(id, "transfer", () -> handling.transfer(id, code(dealerCode), blank(reason)), model, redirect,
				response, null);
	}

	@PostMapping("/complaints/{id:\\d+}/redispatch")
	String redispatch(@PathVariable long id, @RequestParam(required = false) String dealerCode,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return move(id, "redispatch", () -> handling.redispatch(id, code(dealerCode), blank(reason)), model, redirect,
				response, null);
	}

	@PostMapping("/complaints/{id:\\d+}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, "cancel", () -> handling.cancel(id, blank(reason)), model, redirect, response, null);
	}

	@PostMapping("/complaints/{id:\\d+}/category")
	String correctCategory(@PathVariable long id, @RequestParam(required = false) String category,
			@RequestParam(required = false) String subCategory, @RequestParam(required = false) String reason,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, "correctCategory", () -> handling.correctCategory(id, category, subCategory, blank(reason)),
				model, redirect, response, null);
	}

	@PostMapping("/complaints/{id:\\d+}/nominate")
	String nominate(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, "nominate", () -> handling.nominateForForcedClosure(id, blank(reason)), model, redirect,
				response, null);
	}

	@PostMapping("/complaints/{id:\\d+}/project-number")
	String projectNumber(@PathVariable long id, @RequestParam(required = false) String number, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, "projectNo", () -> handling.enterProjectNumber(id, blank(number)), model, redirect, response,
				null);
	}

	/** Screenshots of the post of an online complaint, several at once (all checked before any is stored). */
	@PostMapping("/complaints/{id:\\d+}/screenshots")
	String attachScreenshots(@PathVariable long id,
			@RequestParam(name = "screenshots", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, "screenshots", () -> screenshots.attach(id, "screenshots", IntakePages.uploads(files,
				"screenshots")), model, redirect, response, null);
	}

	/** A screenshot's image for the page (404, audited, for a complaint the caller may not see). */
	@GetMapping("/complaints/{id:\\d+}/screenshots/{sid:\\d+}")
	ResponseEntity<byte[]> screenshot(@PathVariable long id, @PathVariable long sid) {
		ComplaintScreenshots.Download d = screenshots.download(id, sid);
		return FileStore.response(d.contentType(), d.name(), d.bytes(), false);
	}

	/** A repeat call; from the intake form the agent's description is the note. */
	@PostMapping("/complaints/{id:\\d+}/repeat-call")
	String repeatCall(@PathVariable long id, @RequestParam(required = false) String notes,
			@RequestParam(required = false) String description, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		String text = blank(notes) != null ? notes.trim() : blank(description);
		try {
			handling.recordRepeatCall(id, text);
		} catch (DomainException | ValidationException e) {
			return refused(id, "repeat", e, model, response);
		}
		redirect.addFlashAttribute("flash", text("cweb.repeat.done"));
		return "redirect:/complaints/" + id;
	}

	private String move(long id, String name, Runnable call, Model model, RedirectAttributes redirect,
			HttpServletResponse response, String back) {
		try {
			call.run();
		} catch (DomainException | ValidationException e) {
			return refused(id, name, e, model, response);
		}
		redirect.addFlashAttribute("flash", text("cweb.move.done"));
		if ("callbacks".equals(back)) {
			return "redirect:/callbacks";
		}
		if ("inbox".equals(back)) {
			return "redirect:/inbox";
		}
		return "redirect:/complaints/" + id;
	}

	private String refused(long id, String name, RuntimeException e, Model model, HttpServletResponse response) {
		ComplaintWebAdvice.refused(e, messages, model);
		model.addAttribute("refusedMove", name);
		response.setStatus(422);
		return show(id, model);
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	/** "D0001 北京…" from the picker → "D0001". */
	static String code(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.trim();
		int space = v.indexOf(' ');
		return space > 0 ? v.substring(0, space) : v;
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static Boolean bool(String s) {
		return s == null || s.isBlank() ? null : Boolean.valueOf(s);
	}
}
