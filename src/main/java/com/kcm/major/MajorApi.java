package com.kcm.major;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.files.FileStore;

/** The major-complaint calls under {@code /api/v1} (SPEC §6, §10). */
@RestController
@RequestMapping("/api/v1")
class MajorApi {

	record Flag(List<String> triggers, String note) {
	}

	record PhoneReport(OffsetDateTime at, String to) {
	}

	record FollowUpBody(String kind, OffsetDateTime at, String note) {
	}

	record Note(String note) {
	}

	record SpecialClaim(BigDecimal amount, List<String> materials, String note) {
	}

	record OutboundClaim(String trip, LocalDate from, LocalDate to, BigDecimal travelAmount, BigDecimal lodgingAmount,
			String note) {
	}

	record PenaltyBody(BigDecimal amount, String reason) {
	}

	record MediaBody(OffsetDateTime at, String description) {
	}

	record StandingBody(String kind, Integer starLevel, String effectiveFrom, String reason) {
	}

	private final MajorComplaints majors;
	private final MajorFiles files;
	private final MajorClaims claims;
	private final MajorViews views;

	MajorApi(MajorComplaints majors, MajorFiles files, MajorClaims claims, MajorViews views) {
		this.majors = majors;
		this.files = files;
		this.claims = claims;
		this.views = views;
	}

	@PostMapping("/complaints/{id}/major")
	ResponseEntity<Map<String, Object>> flag(@PathVariable long id, @RequestBody Flag body) {
		MajorComplaint m = majors.flag(id, body.triggers(), body.note());
		return ResponseEntity.status(HttpStatus.CREATED).body(view(m.getId()));
	}

	@PostMapping("/major-complaints/{id}/confirm")
	Map<String, Object> confirm(@PathVariable long id) {
		majors.confirm(id);
		return view(id);
	}

	@GetMapping("/major-complaints")
	Map<String, Object> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		MajorStatus s = null;
		if (status != null && !status.isBlank()) {
			try {
				s = MajorStatus.valueOf(status.trim());
			} catch (IllegalArgumentException e) {
				throw ValidationException.of("status", "major.status.unknown", status);
			}
		}
		Page<MajorViews.Row> p = views.list(s, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100)));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("items", p.getContent().stream().map(MajorApi::row).toList());
		m.put("page", p.getNumber());
		m.put("size", p.getSize());
		m.put("total", p.getTotalElements());
		return m;
	}

	@GetMapping("/major-complaints/{id}")
	Map<String, Object> get(@PathVariable long id) {
		return view(id);
	}

	@PostMapping("/major-complaints/{id}/phone-report")
	Map<String, Object> phoneReport(@PathVariable long id, @RequestBody PhoneReport body) {
		majors.recordPhoneReport(id, body.at() == null ? null : body.at().toInstant(), body.to());
		return view(id);
	}

	@PutMapping("/major-complaints/{id}/dossier")
	Map<String, Object> dossier(@PathVariable long id, @RequestBody Map<String, String> body) {
		majors.saveDossier(id, body);
		return view(id);
	}

	@PostMapping(path = "/major-complaints/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> upload(@PathVariable long id, @RequestParam(defaultValue = "OTHER") String slot,
			@RequestParam("file") MultipartFile file) {
		Attachment a = files.upload(id, slot, file.getOriginalFilename(), bytes(file));
		return ResponseEntity.status(HttpStatus.CREATED).body(attachment(a));
	}

	@GetMapping("/attachments/{id}")
	ResponseEntity<byte[]> download(@PathVariable long id) {
		return file(files.download(id), false);
	}

	@PostMapping("/major-complaints/{id}/report")
	ResponseEntity<Map<String, Object>> generate(@PathVariable long id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(attachment(files.generateReport(id)));
	}

	@PostMapping("/major-complaints/{id}/report/submit")
	Map<String, Object> submit(@PathVariable long id) {
		files.submitReport(id);
		return view(id);
	}

	@PostMapping("/major-complaints/{id}/follow-ups")
	ResponseEntity<Map<String, Object>> followUp(@PathVariable long id, @RequestBody FollowUpBody body) {
		FollowUp f = majors.recordFollowUp(id, body.kind(), body.at() == null ? null : body.at().toInstant(),
				body.note());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", f.getId()));
	}

	@PostMapping("/major-complaints/{id}/result")
	Map<String, Object> confirmResult(@PathVariable long id, @RequestBody Note body) {
		majors.confirmResult(id, body.note());
		return view(id);
	}

	@PostMapping("/major-complaints/{id}/special-claims")
	ResponseEntity<Map<String, Object>> special(@PathVariable long id, @RequestBody SpecialClaim body) {
		Claim c = claims.proposeSpecial(id, body.amount(), body.materials(), body.note());
		return ResponseEntity.status(HttpStatus.CREATED).body(claim(c));
	}

	@PostMapping("/major-complaints/{id}/outbound-claims")
	ResponseEntity<Map<String, Object>> outbound(@PathVariable long id, @RequestBody OutboundClaim body) {
		Claim c = claims.proposeOutbound(id, body.trip(), body.from(), body.to(), body.travelAmount(),
				body.lodgingAmount(), body.note());
		return ResponseEntity.status(HttpStatus.CREATED).body(claim(c));
	}

	@PostMapping("/major-claims/{id}/approve")
	Map<String, Object> approve(@PathVariable long id, @RequestBody(required = false) Note body) {
		return claim(claims.decide(id, true, body == null ? null : body.note()));
	}

	@PostMapping("/major-claims/{id}/reject")
	Map<String, Object> reject(@PathVariable long id, @RequestBody(required = false) Note body) {
		return claim(claims.decide(id, false, body == null ? null : body.note()));
	}

	@PostMapping("/major-complaints/{id}/penalties")
	ResponseEntity<Map<String, Object>> penalty(@PathVariable long id, @RequestBody PenaltyBody body) {
		Consequence c = claims.proposePenalty(id, body.amount(), body.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(consequence(c));
	}

	@PostMapping("/major-complaints/{id}/media-incidents")
	ResponseEntity<Map<String, Object>> media(@PathVariable long id, @RequestBody MediaBody body) {
		Consequence c = claims.recordMediaIncident(id, body.at(), body.description());
		return ResponseEntity.status(HttpStatus.CREATED).body(consequence(c));
	}

	@PostMapping("/major-complaints/{id}/dealer-standing")
	ResponseEntity<Map<String, Object>> standing(@PathVariable long id, @RequestBody StandingBody body) {
		Consequence c = claims.changeDealerStanding(id, body.kind(), body.starLevel(), body.effectiveFrom(),
				body.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(consequence(c));
	}

	static ResponseEntity<byte[]> file(MajorFiles.Download d, boolean attachment) {
		Attachment a = d.attachment();
		String name = a.getFile().getOriginalName() == null ? "file-" + a.getId() : a.getFile().getOriginalName();
		return FileStore.response(a.getFile().getContentType(), name, d.bytes(), attachment);
	}

	static byte[] bytes(MultipartFile file) {
		return FileStore.content(file, "file");
	}

	private Map<String, Object> view(long id) {
		MajorViews.Detail d = views.detail(id);
		MajorComplaint m = d.major();
		Map<String, Object> out = row(d.row());
		out.put("dealerCode", d.dealerCode());
		out.put("complaintStatus", d.complaintStatus() == null ? null : d.complaintStatus().name());
		out.put("triggerNote", m.getTriggerNote());
		out.put("reportedBy", m.getReportedBy());
		out.put("flaggedBy", m.getFlaggedBy());
		out.put("phoneReportedTo", m.getPhoneReportedTo());
		out.put("reportAttachmentId", m.getReportAttachmentId());
		out.put("resultConfirmedAt", local(m.getResultConfirmedAt()));
		out.put("resultConfirmedBy", m.getResultConfirmedBy());
		out.put("resultNote", m.getResultNote());
		out.put("completeness", Map.of("present", d.present(), "total", d.total()));
		List<Map<String, Object>> items = new ArrayList<>();
		for (MajorViews.ChecklistLine l : d.checklist()) {
			Map<String, Object> i = new LinkedHashMap<>();
			i.put("item", l.item().name());
			i.put("present", l.present());
			i.put("text", l.text());
			i.put("attachments", l.files().stream().map(Attachment::getId).toList());
			i.put("suppliedBy", l.suppliedBy());
			i.put("suppliedAt", local(l.suppliedAt()));
			items.add(i);
		}
		out.put("dossier", items);
		out.put("otherAttachments", d.otherFiles().stream().map(MajorApi::attachment).toList());
		out.put("followUps", d.followUps().stream().map(f -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("id", f.getId());
			x.put("kind", f.getKind().name());
			x.put("at", local(f.getHappenedAt()));
			x.put("note", f.getNote());
			x.put("recordedBy", f.getRecordedBy());
			return x;
		}).toList());
		out.put("claims", d.claims().stream().map(MajorApi::claim).toList());
		out.put("consequences", d.consequences().stream().map(MajorApi::consequence).toList());
		return out;
	}

	static Map<String, Object> row(MajorViews.Row r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", r.id());
		m.put("complaintId", r.complaintId());
		m.put("customerName", r.customerName());
		m.put("dealer", r.dealer());
		m.put("status", r.status().name());
		m.put("triggers", r.triggers().stream().map(Enum::name).toList());
		m.put("reportedAt", local(r.reportedAt()));
		m.put("flaggedAt", local(r.flaggedAt()));
		m.put("phoneReportDueAt", local(r.phoneReportDueAt()));
		m.put("phoneReportedAt", local(r.phoneReportedAt()));
		m.put("phoneReportOverdue", r.phoneReportOverdue());
		m.put("reportDueAt", local(r.reportDueAt()));
		m.put("reportSubmittedAt", local(r.reportSubmittedAt()));
		m.put("reportOverdue", r.reportOverdue());
		return m;
	}

	static Map<String, Object> attachment(Attachment a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.getId());
		m.put("slot", a.getSlot());
		m.put("contentType", a.getFile().getContentType());
		m.put("size", a.getFile().getSizeBytes());
		m.put("width", a.getFile().getWidth());
		m.put("height", a.getFile().getHeight());
		m.put("uploadedBy", a.getFile().getUploadedBy());
		m.put("uploadedAt", local(a.getFile().getUploadedAt()));
		return m;
	}

	static Map<String, Object> claim(Claim c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.getId());
		m.put("kind", c.getKind().name());
		m.put("amount", c.getAmount());
		m.put("materials", c.getMaterials() == null ? List.of() : List.of(c.getMaterials().split(",")));
		m.put("trip", c.getTrip());
		m.put("from", c.getTravelFrom());
		m.put("to", c.getTravelTo());
		m.put("travelAmount", c.getTravelAmount());
		m.put("lodgingAmount", c.getLodgingAmount());
		m.put("note", c.getNote());
		m.put("status", c.getStatus().name());
		m.put("proposedBy", c.getProposedBy());
		m.put("decidedBy", c.getDecidedBy());
		m.put("decidedAt", local(c.getDecidedAt()));
		return m;
	}

	static Map<String, Object> consequence(Consequence c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.getId());
		m.put("kind", c.getKind().name());
		m.put("refId", c.getRefId());
		m.put("amount", c.getAmount());
		m.put("detail", c.getDetail());
		m.put("recordedBy", c.getRecordedBy());
		m.put("recordedAt", local(c.getRecordedAt()));
		return m;
	}

	static OffsetDateTime local(Instant t) {
		return t == null ? null : t.atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime();
	}
}
