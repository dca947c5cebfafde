package com.kcm.major;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.kcm.shared.domain.DomainException;

/**
 * A major complaint (重大抱怨, SPEC §6) next to its complaint.
 * <p>
 * Life cycle: reported by a dealer or regional user ({@code REPORTED}) and confirmed by after-sales, or flagged
 * by after-sales directly → {@code OPEN} (the first phone report is due within hours, the written report by a
 * day-limit deadline) → the dealer submits the generated report → {@code REPORT_SUBMITTED} → the region's staff
 * confirm the result → {@code RESULT_CONFIRMED}. The complaint itself is closed through the complaint flow.
 */
@Entity
@Table(name = "major_complaint")
class MajorComplaint {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "complaint_id", nullable = false)
	private long complaintId;

	@Column(name = "dealer_id", nullable = false)
	private long dealerId;

	@Column(name = "region_id", nullable = false)
	private long regionId;

	@Column(name = "customer_name", nullable = false)
	private String customerName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MajorStatus status;

	@Column(nullable = false)
	private String triggers;

	@Column(name = "trigger_note")
	private String triggerNote;

	@Column(name = "reported_by", nullable = false)
	private String reportedBy;

	@Column(name = "reported_at", nullable = false)
	private Instant reportedAt;

	@Column(name = "flagged_by")
	private String flaggedBy;

	@Column(name = "flagged_at")
	private Instant flaggedAt;

	@Column(name = "phone_report_due_at")
	private Instant phoneReportDueAt;

	@Column(name = "phone_reported_at")
	private Instant phoneReportedAt;

	@Column(name = "phone_reported_to")
	private String phoneReportedTo;

	@Column(name = "phone_reported_by")
	private String phoneReportedBy;

	@Column(name = "report_due_at")
	private Instant reportDueAt;

	@Column(name = "report_attachment_id")
	private Long reportAttachmentId;

	@Column(name = "report_generated_at")
	private Instant reportGeneratedAt;

	@Column(name = "report_submitted_at")
	private Instant reportSubmittedAt;

	@Column(name = "report_submitted_by")
	private String reportSubmittedBy;

	/** The last report alert published (DUE_SOON, OVERDUE), so each goes out once. */
	@Column(name = "report_alert")
	private String reportAlert;

	@Column(name = "result_confirmed_at")
	private Instant resultConfirmedAt;

	@Column(name = "result_confirmed_by")
	private String resultConfirmedBy;

	@Column(name = "result_note")
	private String resultNote;

	@Version
	private long version;

	protected MajorComplaint() {
	}

	private MajorComplaint(long complaintId, long dealerId, long regionId, String customerName, Set<Trigger> triggers,
			String note, String by, Instant at) {
		if (triggers == null || triggers.isEmpty()) {
			throw new DomainException("major.triggers.required");
		}
		this.complaintId = complaintId;
		this.dealerId = dealerId;
		this.regionId = regionId;
		this.customerName = customerName;
		this.triggers = triggers.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
		this.triggerNote = note == null || note.isBlank() ? null : note.trim();
		this.reportedBy = by;
		this.reportedAt = at;
		this.status = MajorStatus.REPORTED;
	}

	/** A dealer or regional user reports a suspected major complaint; after-sales confirms it. */
	static MajorComplaint reported(long complaintId, long dealerId, long regionId, String customerName,
			Set<Trigger> triggers, String note, String by, Instant at) {
		return new MajorComplaint(complaintId, dealerId, regionId, customerName, triggers, note, by, at);
	}

	/** After-sales flags the complaint directly; the clocks start now. */
	static MajorComplaint flagged(long complaintId, long dealerId, long regionId, String customerName,
			Set<Trigger> triggers, String note, String by, Instant at, Instant phoneDue, Instant reportDue) {
		MajorComplaint m = new MajorComplaint(complaintId, dealerId, regionId, customerName, triggers, note, by, at);
		m.confirm(by, at, phoneDue, reportDue);
		return m;
	}

	/** After-sales confirms a reported major complaint; the clocks start at the confirmation. */
	void confirm(String by, Instant at, Instant phoneDue, Instant reportDue) {
		if (status != MajorStatus.REPORTED) {
			throw new DomainException("major.confirm.notReported");
		}
		status = MajorStatus.OPEN;
		flaggedBy = by;
		flaggedAt = at;
		phoneReportDueAt = phoneDue;
		reportDueAt = reportDue;
	}

	/** The first phone report to the region's staff (第一时间), once. */
	void recordPhoneReport(Instant at, String to, String by, Instant now) {
		requireFlagged();
		if (phoneReportedAt != null) {
			throw new DomainException("major.phone.already");
		}
		if (at == null || to == null || to.isBlank()) {
			throw new DomainException("major.phone.required");
		}
		if (at.isBefore(flaggedAt.minusSeconds(86_400)) || at.isAfter(now)) {
			throw new DomainException("major.phone.when");
		}
		phoneReportedAt = at;
		phoneReportedTo = to.trim();
		phoneReportedBy = by;
	}

	/** The dossier may change until the report is submitted. */
	void requireDossierOpen() {
		if (status == MajorStatus.REPORTED) {
			throw new DomainException("major.notConfirmed");
		}
		if (status != MajorStatus.OPEN) {
			throw new DomainException("major.dossier.closed");
		}
	}

	void reportGenerated(long attachmentId, Instant at) {
		requireDossierOpen();
		reportAttachmentId = attachmentId;
		reportGeneratedAt = at;
	}

	/** The dossier changed after the report was generated: the dealer must generate and check it again. */
	void dossierChanged() {
		reportAttachmentId = null;
		reportGeneratedAt = null;
	}

	void submitReport(String by, Instant at) {
		requireDossierOpen();
		if (reportAttachmentId == null) {
			throw new DomainException("major.report.notGenerated");
		}
		status = MajorStatus.REPORT_SUBMITTED;
		reportSubmittedAt = at;
		reportSubmittedBy = by;
	}

	void confirmResult(String note, String by, Instant at) {
		if (status != MajorStatus.REPORT_SUBMITTED) {
			throw new DomainException("major.result.notSubmitted");
		}
		if (note == null || note.isBlank()) {
			throw new DomainException("major.result.noteRequired");
		}
		status = MajorStatus.RESULT_CONFIRMED;
		resultNote = note.trim();
		resultConfirmedBy = by;
		resultConfirmedAt = at;
	}

	void requireFlagged() {
		if (status == MajorStatus.REPORTED) {
			throw new DomainException("major.notConfirmed");
		}
	}

	boolean phoneReportOverdueAt(Instant now) {
		if (phoneReportDueAt == null) {
			return false;
		}
		return phoneReportedAt == null ? now.isAfter(phoneReportDueAt) : phoneReportedAt.isAfter(phoneReportDueAt);
	}

	boolean reportOverdueAt(Instant now) {
		if (reportDueAt == null) {
			return false;
		}
		return reportSubmittedAt == null ? now.isAfter(reportDueAt) : reportSubmittedAt.isAfter(reportDueAt);
	}

	void markReportAlert(String alert) {
		reportAlert = alert;
	}

	public Set<Trigger> triggerSet() {
		EnumSet<Trigger> set = EnumSet.noneOf(Trigger.class);
		Stream.of(triggers.split(",")).filter(s -> !s.isBlank()).map(Trigger::valueOf).forEach(set::add);
		return set;
	}

	public Long getId() {
		return id;
	}

	public long getComplaintId() {
		return complaintId;
	}

	public long getDealerId() {
		return dealerId;
	}

	public long getRegionId() {
		return regionId;
	}

	public String getCustomerName() {
		return customerName;
	}

	public MajorStatus getStatus() {
		return status;
	}

	public String getTriggerNote() {
		return triggerNote;
	}

	public String getReportedBy() {
		return reportedBy;
	}

	public Instant getReportedAt() {
		return reportedAt;
	}

	public String getFlaggedBy() {
		return flaggedBy;
	}

	public Instant getFlaggedAt() {
		return flaggedAt;
	}

	public Instant getPhoneReportDueAt() {
		return phoneReportDueAt;
	}

	public Instant getPhoneReportedAt() {
		return phoneReportedAt;
	}

	public String getPhoneReportedTo() {
		return phoneReportedTo;
	}

	public String getPhoneReportedBy() {
		return phoneReportedBy;
	}

	public Instant getReportDueAt() {
		return reportDueAt;
	}

	public Long getReportAttachmentId() {
		return reportAttachmentId;
	}

	public Instant getReportGeneratedAt() {
		return reportGeneratedAt;
	}

	public Instant getReportSubmittedAt() {
		return reportSubmittedAt;
	}

	public String getReportSubmittedBy() {
		return reportSubmittedBy;
	}

	public String getReportAlert() {
		return reportAlert;
	}

	public Instant getResultConfirmedAt() {
		return resultConfirmedAt;
	}

	public String getResultConfirmedBy() {
		return resultConfirmedBy;
	}

	public String getResultNote() {
		return resultNote;
	}
}
