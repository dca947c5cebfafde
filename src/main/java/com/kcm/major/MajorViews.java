package com.kcm.major;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.complaint.ComplaintNotices;
import com.kcm.complaint.ComplaintStatus;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;

/** Reads major complaints as the caller may see them: the paged list and one major complaint in full. */
@Service
@Transactional(readOnly = true)
class MajorViews {

	record Row(long id, long complaintId, String customerName, String dealer, MajorStatus status, Set<Trigger> triggers,
			Instant reportedAt, Instant flaggedAt, Instant phoneReportDueAt, Instant phoneReportedAt,
			boolean phoneReportOverdue, Instant reportDueAt, Instant reportSubmittedAt, boolean reportOverdue) {
	}

	/** One checklist line: present or missing, and who supplied it when (text or the last file). */
	record ChecklistLine(DossierItem item, boolean present, String text, List<Attachment> files, String suppliedBy,
			Instant suppliedAt) {
	}

	record Detail(Row row, MajorComplaint major, ComplaintStatus complaintStatus, String dealerCode,
			List<ChecklistLine> checklist, int present, int total, List<Attachment> otherFiles, Attachment report,
			List<FollowUp> followUps, List<Claim> claims, List<Consequence> consequences) {

		public int percent() {
			return total == 0 ? 0 : present * 100 / total;
		}

		public List<ChecklistLine> group(DossierItem.Group g) {
			return checklist.stream().filter(l -> l.item().group == g).toList();
		}
	}

	private final MajorAccess access;
	private final MajorComplaintRepository majors;
	private final DossierEntryRepository dossier;
	private final AttachmentRepository attachments;
	private final FollowUpRepository followUps;
	private final ClaimRepository claims;
	private final ConsequenceRepository consequences;
	private final MajorComplaints complaints;
	private final ComplaintNotices complaintNotices;
	private final DealerCatalog dealers;
	private final Clock clock;

	MajorViews(MajorAccess access, MajorComplaintRepository majors, DossierEntryRepository dossier,
			AttachmentRepository attachments, FollowUpRepository followUps, ClaimRepository claims,
			ConsequenceRepository consequences, MajorComplaints complaints, ComplaintNotices complaintNotices,
			DealerCatalog dealers, Clock clock) {
		this.access = access;
		this.majors = majors;
		this.dossier = dossier;
		this.attachments = attachments;
		this.followUps = followUps;
		this.claims = claims;
		this.consequences = consequences;
		this.complaints = complaints;
		this.complaintNotices = complaintNotices;
		this.dealers = dealers;
		this.clock = clock;
	}

	/** Newest first; {@code status} optional; scoped to the caller's dealer or region. */
	Page<Row> list(MajorStatus status, Pageable pageable) {
		Specification<MajorComplaint> spec = access.visible();
		if (status != null) {
			spec = spec.and((r, q, cb) -> cb.equal(r.get("status"), status));
		}
		Page<MajorComplaint> page = majors.findAll(spec, PageRequest.of(pageable.getPageNumber(),
				Math.min(pageable.getPageSize(), 100), Sort.by(Sort.Order.desc("reportedAt"), Sort.Order.desc("id"))));
		Map<Long, DealerSummary> byId = dealers.byIds(page.getContent().stream().map(MajorComplaint::getDealerId).toList());
		Instant now = clock.instant();
		return page.map(m -> row(m, byId.get(m.getDealerId()), now));
	}

	Detail detail(long id) {
		MajorComplaint m = access.load(id);
		Instant now = clock.instant();
		DealerSummary dealer = dealers.byId(m.getDealerId()).orElse(null);
		Map<DossierItem, DossierEntry> entries = new EnumMap<>(DossierItem.class);
		dossier.findByMajorId(id).forEach(e -> entries.put(e.getItem(), e));
		List<Attachment> files = attachments.findByMajorIdOrderByIdAsc(id);
		List<ChecklistLine> lines = new ArrayList<>();
		int present = 0;
		for (DossierItem item : DossierItem.values()) {
			DossierEntry e = entries.get(item);
			List<Attachment> mine = files.stream().filter(a -> a.getSlot().equals(item.name())).toList();
			String text = e == null ? null : MajorComplaints.shown(item, complaints.plain(e));
			boolean has = text != null || !mine.isEmpty();
			String by = e == null ? null : e.getSuppliedBy();
			Instant at = e == null ? null : e.getSuppliedAt();
			if (!mine.isEmpty() && (at == null || mine.get(mine.size() - 1).getFile().getUploadedAt().isAfter(at))) {
				by = mine.get(mine.size() - 1).getFile().getUploadedBy();
				at = mine.get(mine.size() - 1).getFile().getUploadedAt();
			}
			lines.add(new ChecklistLine(item, has, text, mine, by, at));
			if (has) {
				present++;
			}
		}
		List<Attachment> other = files.stream().filter(a -> MajorComplaints.parseItem(a.getSlot()) == null
				&& !Attachment.REPORT.equals(a.getSlot())).toList();
		Attachment report = m.getReportAttachmentId() == null ? null
				: files.stream().filter(a -> a.getId().equals(m.getReportAttachmentId())).findFirst().orElse(null);
		ComplaintStatus cs = complaintNotices.complaint(m.getComplaintId()).map(c -> c.status()).orElse(null);
		return new Detail(row(m, dealer, now), m, cs, dealer == null ? null : dealer.code(), lines, present,
				lines.size(), other, report, followUps.findByMajorIdOrderByHappenedAtAscIdAsc(id),
				claims.findByMajorIdOrderByIdAsc(id), consequences.findByMajorIdOrderByIdAsc(id));
	}

	/** Major complaints in sight still being handled (reported or open). */
	long countOpen() {
		Specification<MajorComplaint> spec = access.visible()
				.and((r, q, cb) -> r.get("status").in(MajorStatus.REPORTED, MajorStatus.OPEN));
		return majors.count(spec);
	}

	/** Open major complaints in sight whose written report is overdue. */
	long countReportOverdue() {
		Instant now = clock.instant();
		Specification<MajorComplaint> spec = access.visible().and((r, q, cb) -> cb.and(
				cb.equal(r.get("status"), MajorStatus.OPEN), cb.lessThan(r.<Instant>get("reportDueAt"), now)));
		return majors.count(spec);
	}

	Long idOfComplaint(long complaintId) {
		return majors.findByComplaintId(complaintId).map(MajorComplaint::getId).orElse(null);
	}

	/** Claims waiting for the manager, oldest first. */
	List<Claim> proposedClaims(int limit) {
		return claims.findByStatusOrderByProposedAtAscIdAsc(Claim.Status.PROPOSED, PageRequest.of(0, limit));
	}

	private static Row row(MajorComplaint m, DealerSummary dealer, Instant now) {
		return new Row(m.getId(), m.getComplaintId(), m.getCustomerName(), dealer == null ? "—" : dealer.label(),
				m.getStatus(), m.triggerSet(), m.getReportedAt(), m.getFlaggedAt(), m.getPhoneReportDueAt(),
				m.getPhoneReportedAt(), m.phoneReportOverdueAt(now), m.getReportDueAt(), m.getReportSubmittedAt(),
				m.reportOverdueAt(now));
	}
}
