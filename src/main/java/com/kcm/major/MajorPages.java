package com.kcm.major;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.identity.Role;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;

/**
 * The major-complaint pages: the list (after-sales, managers, dealers and regions, each within sight), one major
 * complaint with the forms of each role (the dealer's dossier form and photo upload work on a phone), the flag
 * form, and the manager's claim approvals.
 */
@Controller
class MajorPages {

	private final MajorComplaints majors;
	private final MajorFiles files;
	private final MajorClaims claims;
	private final MajorViews views;
	private final MajorAccess access;
	private final MessageSource messages;
	private final java.time.Clock clock;

	MajorPages(MajorComplaints majors, MajorFiles files, MajorClaims claims, MajorViews views, MajorAccess access,
			MessageSource messages, java.time.Clock clock) {
		this.clock = clock;
		this.majors = majors;
		this.files = files;
		this.claims = claims;
		this.views = views;
		this.access = access;
		this.messages = messages;
	}

	/** Instants on the pages: business time, minutes. */
	@org.springframework.web.bind.annotation.ModelAttribute("fmt")
	java.util.function.Function<Instant, String> fmt() {
		return i -> i == null ? "—" : MajorFiles.TIME.format(i);
	}

	@GetMapping("/major-complaints")
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		MajorStatus s = null;
		if (status != null && !status.isBlank()) {
			try {
				s = MajorStatus.valueOf(status);
			} catch (IllegalArgumentException e) {
				s = null;
			}
		}
		Page<MajorViews.Row> rows = views.list(s, PageRequest.of(Math.max(page, 0), 20));
		model.addAttribute("page", rows);
		model.addAttribute("statuses", MajorStatus.values());
		model.addAttribute("status", s);
		model.addAttribute("canFlag", access.holds(Role.AFTER_SALES) || access.holds(Role.DEALER)
				|| access.holds(Role.REGIONAL));
		return "major/list";
	}

	/**
	 * The list as xlsx (same scope and filter), fed page by page. Customer names only, never a contact, so no
	 * second approver is needed; the export is audited.
	 */
	@GetMapping("/major-complaints/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String status) {
		MajorStatus s = null;
		if (status != null && !status.isBlank()) {
			try {
				s = MajorStatus.valueOf(status);
			} catch (IllegalArgumentException e) {
				s = null;
			}
		}
		MajorStatus filter = s;
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		List<String> headers = List.of(text("major.field.complaint"), text("major.field.customer"),
				text("major.field.dealer"), text("major.field.status"), text("major.field.triggers"),
				text("major.field.flaggedAt"), text("major.field.phoneReportedAt"), text("major.field.reportDue"),
				text("major.field.reportSubmittedAt"), text("major.overdue"));
		int[] rows = { 0 };
		com.kcm.shared.io.XlsxExport.write(out, text("major.list.title"), null, headers, sink -> {
			Page<MajorViews.Row> p;
			int page = 0;
			do {
				p = views.list(filter, PageRequest.of(page++, 100));
				for (MajorViews.Row r : p.getContent()) {
					sink.row(java.util.Arrays.asList(r.complaintId(), r.customerName(), r.dealer(),
							text("major.status." + r.status()),
							String.join("、", r.triggers().stream().map(t -> text("major.trigger." + t)).toList()),
							fmt().apply(r.flaggedAt()), fmt().apply(r.phoneReportedAt()), fmt().apply(r.reportDueAt()),
							fmt().apply(r.reportSubmittedAt()), r.reportOverdue() || r.phoneReportOverdue()));
					rows[0]++;
				}
			} while (p.hasNext());
		});
		files.exported(rows[0]);
		return ResponseEntity.ok()
				.contentType(org.springframework.http.MediaType
						.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
						.attachment().filename("major-complaints.xlsx").build().toString())
				.body(out.toByteArray());
	}

	@GetMapping("/major-complaints/new")
	String flagForm(@RequestParam(required = false) Long complaintId, Model model) {
		if (complaintId != null) {
			Long existing = views.idOfComplaint(complaintId);
			if (existing != null) {
				return "redirect:/major-complaints/" + existing;
			}
		}
		model.addAttribute("complaintId", complaintId);
		model.addAttribute("triggers", Trigger.values());
		model.addAttribute("central", access.holds(Role.AFTER_SALES));
		return "major/flag";
	}

	@PostMapping("/major-complaints/new")
	String flag(@RequestParam(required = false) Long complaintId,
			@RequestParam(required = false) List<String> triggers, @RequestParam(required = false) String note,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			if (complaintId == null) {
				throw ValidationException.of("complaintId", "error.required");
			}
			MajorComplaint m = majors.flag(complaintId, triggers, note);
			redirect.addFlashAttribute("flash", text("major.saved"));
			return "redirect:/major-complaints/" + m.getId();
		} catch (DomainException | ValidationException e) {
			problems(e, model);
			response.setStatus(422);
			return flagForm(null, model);
		}
	}

	@GetMapping("/major-complaints/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		MajorViews.Detail d = views.detail(id);
		model.addAttribute("d", d);
		model.addAttribute("m", d.major());
		model.addAttribute("groups", DossierItem.Group.values());
		model.addAttribute("photos", DossierItem.photos());
		model.addAttribute("materials", Claim.Material.values());
		boolean open = d.major().getStatus() == MajorStatus.OPEN;
		model.addAttribute("canConfirm", d.major().getStatus() == MajorStatus.REPORTED && access.holds(Role.AFTER_SALES));
		model.addAttribute("canPhone", d.major().getStatus() != MajorStatus.REPORTED
				&& d.major().getPhoneReportedAt() == null && onSite());
		model.addAttribute("canDossier", open && onSite());
		model.addAttribute("canReport", open && (access.holds(Role.DEALER) || access.holds(Role.AFTER_SALES)));
		model.addAttribute("canFollowUp", d.major().getStatus() != MajorStatus.REPORTED
				&& (access.holds(Role.REGIONAL) || access.holds(Role.AFTER_SALES)));
		model.addAttribute("canConfirmResult", d.major().getStatus() == MajorStatus.REPORT_SUBMITTED
				&& access.holds(Role.REGIONAL));
		model.addAttribute("canClaim", d.major().getStatus() != MajorStatus.REPORTED
				&& (access.holds(Role.DEALER) || access.holds(Role.AFTER_SALES)));
		model.addAttribute("canDecide", access.holds(Role.AFTER_SALES_MANAGER));
		model.addAttribute("canPenalty", d.major().getStatus() != MajorStatus.REPORTED && access.holds(Role.AFTER_SALES));
		model.addAttribute("canStanding", d.major().getStatus() != MajorStatus.REPORTED
				&& access.holds(Role.AFTER_SALES_MANAGER));
		model.addAttribute("today", LocalDate.now(clock.withZone(TimeConfig.BUSINESS_ZONE)));
		model.addAttribute("photoLines", d.group(DossierItem.Group.PHOTOS));
		return "major/detail";
	}

	@PostMapping("/major-complaints/{id:\\d+}/confirm")
	String confirm(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, () -> majors.confirm(id), model, redirect, response);
	}

	@PostMapping("/major-complaints/{id:\\d+}/phone-report")
	String phone(@PathVariable long id, @RequestParam(required = false) String at,
			@RequestParam(required = false) String to, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return move(id, () -> majors.recordPhoneReport(id, instant(at, "at"), to), model, redirect, response);
	}

	@PostMapping("/major-complaints/{id:\\d+}/dossier")
	String dossier(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, String> values = new LinkedHashMap<>();
		for (DossierItem item : DossierItem.values()) {
			if (item.takesText() && form.containsKey("item." + item.name())) {
				values.put(item.name(), form.get("item." + item.name()));
			}
		}
		return move(id, () -> majors.saveDossier(id, values), model, redirect, response);
	}

	@PostMapping("/major-complaints/{id:\\d+}/upload")
	String upload(@PathVariable long id, @RequestParam(required = false) String slot,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, () -> files.upload(id, slot, file == null ? null : file.getOriginalFilename(),
				MajorApi.bytes(file)), model, redirect, response);
	}

	@GetMapping("/major-complaints/files/{fileId:\\d+}")
	ResponseEntity<byte[]> file(@PathVariable long fileId, @RequestParam(defaultValue = "false") boolean download) {
		return MajorApi.file(files.download(fileId), download);
	}

	@PostMapping("/major-complaints/{id:\\d+}/report")
	String generate(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, () -> files.generateReport(id), model, redirect, response);
	}

	@PostMapping("/major-complaints/{id:\\d+}/report/submit")
	String submit(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, () -> files.submitReport(id), model, redirect, response);
	}

	@PostMapping("/major-complaints/{id:\\d+}/follow-ups")
	String followUp(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String at, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, () -> majors.recordFollowUp(id, kind, instant(at, "at"), note), model, redirect, response);
	}

	@PostMapping("/major-complaints/{id:\\d+}/result")
	String result(@PathVariable long id, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, () -> majors.confirmResult(id, note), model, redirect, response);
	}

	@PostMapping("/major-complaints/{id:\\d+}/special-claims")
	String special(@PathVariable long id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) List<String> materials, @RequestParam(required = false) String note,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, () -> claims.proposeSpecial(id, decimal(amount, "amount"), materials, note), model, redirect,
				response);
	}

	@PostMapping("/major-complaints/{id:\\d+}/outbound-claims")
	String outbound(@PathVariable long id, @RequestParam(required = false) String trip,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String travelAmount, @RequestParam(required = false) String lodgingAmount,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return move(id, () -> claims.proposeOutbound(id, trip, date(from, "from"), date(to, "to"),
				decimal(travelAmount, "travelAmount"), decimal(lodgingAmount, "lodgingAmount"), note), model, redirect,
				response);
	}

	@PostMapping("/major-complaints/{id:\\d+}/claims/{claimId:\\d+}")
	String decide(@PathVariable long id, @PathVariable long claimId, @RequestParam String decision,
			@RequestParam(required = false) String note, @RequestParam(required = false) String back, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String target = "approvals".equals(back) ? "redirect:/major-complaints/claims" : null;
		return move(id, () -> claims.decide(claimId, "approve".equals(decision), note), model, redirect, response,
				target);
	}

	@PostMapping("/major-complaints/{id:\\d+}/penalties")
	String penalty(@PathVariable long id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return move(id, () -> claims.proposePenalty(id, decimal(amount, "amount"), reason), model, redirect, response);
	}

	@PostMapping("/major-complaints/{id:\\d+}/media-incidents")
	String media(@PathVariable long id, @RequestParam(required = false) String at,
			@RequestParam(required = false) String description, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return move(id, () -> {
			Instant i = instant(at, "at");
			claims.recordMediaIncident(id, i == null ? null : i.atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime(),
					description);
		}, model, redirect, response);
	}

	@PostMapping("/major-complaints/{id:\\d+}/dealer-standing")
	String standing(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Integer starLevel, @RequestParam(required = false) String effectiveFrom,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return move(id, () -> claims.changeDealerStanding(id, kind, starLevel, effectiveFrom, reason), model, redirect,
				response);
	}

	@GetMapping("/major-complaints/claims")
	String approvals(Model model) {
		access.require(java.util.EnumSet.of(Role.AFTER_SALES_MANAGER));
		model.addAttribute("claims", views.proposedClaims(100));
		return "major/claims";
	}

	private boolean onSite() {
		return access.holds(Role.DEALER) || access.holds(Role.REGIONAL) || access.holds(Role.AFTER_SALES);
	}

	private String move(long id, Runnable call, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return move(id, call, model, redirect, response, null);
	}

	private String move(long id, Runnable call, Model model, RedirectAttributes redirect, HttpServletResponse response,
			String target) {
		try {
			call.run();
		} catch (DomainException | ValidationException e) {
			problems(e, model);
			response.setStatus(422);
			return show(id, model);
		}
		redirect.addFlashAttribute("flash", text("major.saved"));
		return target != null ? target : "redirect:/major-complaints/" + id;
	}

	private void problems(RuntimeException e, Model model) {
		List<String> list = new ArrayList<>();
		if (e instanceof ValidationException v) {
			list.addAll(Messages.render(messages, v.violations()));
		} else if (e instanceof DomainException d) {
			list.add(messages.getMessage(d.code(), d.args(), d.code(), LocaleContextHolder.getLocale()));
		}
		model.addAttribute("problems", list);
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	/** A datetime-local value (business time) or an ISO instant with offset. */
	static Instant instant(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.trim()).atZone(TimeConfig.BUSINESS_ZONE).toInstant();
		} catch (DateTimeParseException e) {
			try {
				return OffsetDateTime.parse(value.trim()).toInstant();
			} catch (DateTimeParseException e2) {
				throw ValidationException.of(field, "error.body.badValue");
			}
		}
	}

	static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		} catch (DateTimeParseException e) {
			throw ValidationException.of(field, "error.body.badValue");
		}
	}

	static BigDecimal decimal(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.trim().replace(",", ""));
		} catch (NumberFormatException e) {
			throw ValidationException.of(field, "error.body.badValue");
		}
	}

}
