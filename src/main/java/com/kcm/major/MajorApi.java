package com.kcm.major;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.kcm.complaint.ComplaintStatus;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.files.FileStore;

/** The major-complaint calls under {@code /api/v1} (SPEC §6, §10). */
@RestController
@RequestMapping("/api/v1")
class MajorApi {

	/** A major complaint reported: an unknown trigger is refused with 422 naming {@code triggers}. */
	record Flag(List<Trigger> triggers, String note) {
	}

	record PhoneReport(OffsetDateTime at, String to) {
	}

	/** A follow-up: an unknown {@code kind} is refused with 422 naming the field before anything is read. */
	record FollowUpBody(FollowUp.Kind kind, OffsetDateTime at, String note) {
	}

	record Note(String note) {
	}

	record SpecialClaim(BigDecimal amount, List<Claim.Material> materials, String note) {
	}

	record OutboundClaim(String trip, LocalDate from, LocalDate to, BigDecimal travelAmount, BigDecimal lodgingAmount,
			String note) {
	}

	record PenaltyBody(BigDecimal amount, String reason) {
	}

	record MediaBody(OffsetDateTime at, String description) {
	}

	record StandingBody(Consequence.Kind kind, Integer starLevel, String effectiveFrom, String reason) {
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
	ResponseEntity<MajorDetail> flag(@PathVariable long id, @RequestBody Flag body) {
		MajorComplaint m = majors.flag(id, names(body.triggers()), body.note());
		return ResponseEntity.status(HttpStatus.CREATED).body(view(m.getId()));
	}

	@PostMapping("/major-complaints/{id}/confirm")
	MajorDetail confirm(@PathVariable long id) {
		majors.confirm(id);
		return view(id);
	}

	@GetMapping("/major-complaints")
	MajorPage list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
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
		return new MajorPage(p.getContent().stream().map(MajorRow::of).toList(), p.getNumber(), p.getSize(),
				p.getTotalElements());
	}

	@GetMapping("/major-complaints/{id}")
	MajorDetail get(@PathVariable long id) {
		return view(id);
	}

	@PostMapping("/major-complaints/{id}/phone-report")
	MajorDetail phoneReport(@PathVariable long id, @RequestBody PhoneReport body) {
		majors.recordPhoneReport(id, body.at() == null ? null : body.at().toInstant(), body.to());
		return view(id);
	}

	@PutMapping("/major-complaints/{id}/dossier")
	MajorDetail dossier(@PathVariable long id, @RequestBody Map<String, String> body) {
		majors.saveDossier(id, body);
		return view(id);
	}

	@PostMapping(path = "/major-complaints/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<AttachmentAnswer> upload(@PathVariable long id, @RequestParam(defaultValue = "OTHER") String slot,
			@RequestParam("file") MultipartFile file) {
		Attachment a = files.upload(id, slot, file.getOriginalFilename(), bytes(file));
		return ResponseEntity.status(HttpStatus.CREATED).body(AttachmentAnswer.of(a));
	}

	@GetMapping("/attachments/{id}")
	ResponseEntity<byte[]> download(@PathVariable long id) {
		return file(files.download(id), false);
	}

	@PostMapping("/major-complaints/{id}/report")
	ResponseEntity<AttachmentAnswer> generate(@PathVariable long id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(AttachmentAnswer.of(files.generateReport(id)));
	}

	@PostMapping("/major-complaints/{id}/report/submit")
	MajorDetail submit(@PathVariable long id) {
		files.submitReport(id);
		return view(id);
	}

	@PostMapping("/major-complaints/{id}/follow-ups")
	ResponseEntity<Created> followUp(@PathVariable long id, @RequestBody FollowUpBody body) {
		FollowUp f = majors.recordFollowUp(id, body.kind() == null ? null : body.kind().name(), body.at() == null ? null : body.at().toInstant(),
				body.note());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(f.getId()));
	}

	@PostMapping("/major-complaints/{id}/result")
	MajorDetail confirmResult(@PathVariable long id, @RequestBody Note body) {
		majors.confirmResult(id, body.note());
		return view(id);
	}

	@PostMapping("/major-complaints/{id}/special-claims")
	ResponseEntity<ClaimAnswer> special(@PathVariable long id, @RequestBody SpecialClaim body) {
		Claim c = claims.proposeSpecial(id, body.amount(), names(body.materials()), body.note());
		return ResponseEntity.status(HttpStatus.CREATED).body(ClaimAnswer.of(c));
	}

	@PostMapping("/major-complaints/{id}/outbound-claims")
	ResponseEntity<ClaimAnswer> outbound(@PathVariable long id, @RequestBody OutboundClaim body) {
		Claim c = claims.proposeOutbound(id, body.trip(), body.from(), body.to(), body.travelAmount(),
				body.lodgingAmount(), body.note());
		return ResponseEntity.status(HttpStatus.CREATED).body(ClaimAnswer.of(c));
	}

	@PostMapping("/major-claims/{id}/approve")
	ClaimAnswer approve(@PathVariable long id, @RequestBody(required = false) Note body) {
		return ClaimAnswer.of(claims.decide(id, true, body == null ? null : body.note()));
	}

	@PostMapping("/major-claims/{id}/reject")
	ClaimAnswer reject(@PathVariable long id, @RequestBody(required = false) Note body) {
		return ClaimAnswer.of(claims.decide(id, false, body == null ? null : body.note()));
	}

	@PostMapping("/major-complaints/{id}/penalties")
	ResponseEntity<ConsequenceAnswer> penalty(@PathVariable long id, @RequestBody PenaltyBody body) {
		Consequence c = claims.proposePenalty(id, body.amount(), body.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(ConsequenceAnswer.of(c));
	}

	@PostMapping("/major-complaints/{id}/media-incidents")
	ResponseEntity<ConsequenceAnswer> media(@PathVariable long id, @RequestBody MediaBody body) {
		Consequence c = claims.recordMediaIncident(id, body.at(), body.description());
		return ResponseEntity.status(HttpStatus.CREATED).body(ConsequenceAnswer.of(c));
	}

	@PostMapping("/major-complaints/{id}/dealer-standing")
	ResponseEntity<ConsequenceAnswer> standing(@PathVariable long id, @RequestBody StandingBody body) {
		Consequence c = claims.changeDealerStanding(id, body.kind() == null ? null : body.kind().name(),
				body.starLevel(), body.effectiveFrom(), body.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(ConsequenceAnswer.of(c));
	}

	/** The codes as the services read them (pages hand them form text); a missing item stays missing. */
	private static List<String> names(List<? extends Enum<?>> codes) {
		return codes == null ? null : codes.stream().map(c -> c == null ? null : c.name()).toList();
	}

	static ResponseEntity<byte[]> file(MajorFiles.Download d, boolean attachment) {
		Attachment a = d.attachment();
		String name = a.getFile().getOriginalName() == null ? "file-" + a.getId() : a.getFile().getOriginalName();
		return FileStore.response(a.getFile().getContentType(), name, d.bytes(), attachment);
	}

	static byte[] bytes(MultipartFile file) {
		return FileStore.content(file, "file");
	}

	private MajorDetail view(long id) {
		return MajorDetail.of(views.detail(id));
	}

	/** One line of the list, and the head of the detail. */
	record MajorRow(long id, long complaintId, String customerName, String dealer, MajorStatus status,
			List<Trigger> triggers, OffsetDateTime reportedAt, OffsetDateTime flaggedAt,
			OffsetDateTime phoneReportDueAt, OffsetDateTime phoneReportedAt, boolean phoneReportOverdue,
			OffsetDateTime reportDueAt, OffsetDateTime reportSubmittedAt, boolean reportOverdue) {

		static MajorRow of(MajorViews.Row r) {
			return new MajorRow(r.id(), r.complaintId(), r.customerName(), r.dealer(), r.status(),
					List.copyOf(r.triggers()), local(r.reportedAt()), local(r.flaggedAt()),
					local(r.phoneReportDueAt()), local(r.phoneReportedAt()), r.phoneReportOverdue(),
					local(r.reportDueAt()), local(r.reportSubmittedAt()), r.reportOverdue());
		}
	}

	record MajorPage(List<MajorRow> items, int page, int size, long total) {
	}

	/** A major complaint with its dossier, files, follow-ups, claims and consequences. */
	record MajorDetail(@JsonUnwrapped MajorRow row, String dealerCode, ComplaintStatus complaintStatus,
			String triggerNote, String reportedBy, String flaggedBy, String phoneReportedTo, Long reportAttachmentId,
			OffsetDateTime resultConfirmedAt, String resultConfirmedBy, String resultNote, Completeness completeness,
			List<DossierLine> dossier, List<AttachmentAnswer> otherAttachments, List<FollowUpAnswer> followUps,
			List<ClaimAnswer> claims, List<ConsequenceAnswer> consequences) {

		static MajorDetail of(MajorViews.Detail d) {
			MajorComplaint m = d.major();
			return new MajorDetail(MajorRow.of(d.row()), d.dealerCode(), d.complaintStatus(), m.getTriggerNote(),
					m.getReportedBy(), m.getFlaggedBy(), m.getPhoneReportedTo(), m.getReportAttachmentId(),
					local(m.getResultConfirmedAt()), m.getResultConfirmedBy(), m.getResultNote(),
					new Completeness(d.present(), d.total()), d.checklist().stream().map(DossierLine::of).toList(),
					d.otherFiles().stream().map(AttachmentAnswer::of).toList(),
					d.followUps().stream().map(FollowUpAnswer::of).toList(),
					d.claims().stream().map(ClaimAnswer::of).toList(),
					d.consequences().stream().map(ConsequenceAnswer::of).toList());
		}
	}

	record Completeness(int present, int total) {
	}

	record DossierLine(DossierItem item, boolean present, String text, List<Long> attachments, String suppliedBy,
			OffsetDateTime suppliedAt) {

		static DossierLine of(MajorViews.ChecklistLine l) {
			return new DossierLine(l.item(), l.present(), l.text(), l.files().stream().map(Attachment::getId).toList(),
					l.suppliedBy(), local(l.suppliedAt()));
		}
	}

	record FollowUpAnswer(Long id, FollowUp.Kind kind, OffsetDateTime at, String note, String recordedBy) {

		static FollowUpAnswer of(FollowUp f) {
			return new FollowUpAnswer(f.getId(), f.getKind(), local(f.getHappenedAt()), f.getNote(), f.getRecordedBy());
		}
	}

	record AttachmentAnswer(Long id, String slot, String contentType, long size, Integer width, Integer height,
			String uploadedBy, OffsetDateTime uploadedAt) {

		static AttachmentAnswer of(Attachment a) {
			return new AttachmentAnswer(a.getId(), a.getSlot(), a.getFile().getContentType(), a.getFile().getSizeBytes(),
					a.getFile().getWidth(), a.getFile().getHeight(), a.getFile().getUploadedBy(),
					local(a.getFile().getUploadedAt()));
		}
	}

	record ClaimAnswer(Long id, Claim.Kind kind, BigDecimal amount, List<String> materials, String trip, LocalDate from,
			LocalDate to, BigDecimal travelAmount, BigDecimal lodgingAmount, String note, Claim.Status status,
			String proposedBy, String decidedBy, OffsetDateTime decidedAt) {

		static ClaimAnswer of(Claim c) {
			return new ClaimAnswer(c.getId(), c.getKind(), c.getAmount(),
					c.getMaterials() == null ? List.of() : List.of(c.getMaterials().split(",")), c.getTrip(),
					c.getTravelFrom(), c.getTravelTo(), c.getTravelAmount(), c.getLodgingAmount(), c.getNote(),
					c.getStatus(), c.getProposedBy(), c.getDecidedBy(), local(c.getDecidedAt()));
		}
	}

	record ConsequenceAnswer(Long id, Consequence.Kind kind, Long refId, BigDecimal amount, String detail,
			String recordedBy, OffsetDateTime recordedAt) {

		static ConsequenceAnswer of(Consequence c) {
			return new ConsequenceAnswer(c.getId(), c.getKind(), c.getRefId(), c.getAmount(), c.getDetail(),
					c.getRecordedBy(), local(c.getRecordedAt()));
		}
	}

	/** The id of what was created. */
	record Created(long id) {
	}

	static OffsetDateTime local(Instant t) {
		return t == null ? null : t.atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime();
	}
}
