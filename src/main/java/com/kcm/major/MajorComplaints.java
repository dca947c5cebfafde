package com.kcm.major;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.calendar.BusinessCalendar;
import com.kcm.complaint.ComplaintHandling;
import com.kcm.complaint.ComplaintNotices;
import com.kcm.complaint.ComplaintNotices.ComplaintNotice;
import com.kcm.complaint.ComplaintQueries;
import com.kcm.complaint.ComplaintStatus;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.Role;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.crypto.PersonalDataCipher;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.Violations;

/**
 * The moves of a major complaint (SPEC §6): flag or report and confirm, the first phone report, the dossier,
 * the region's follow-up and confirmation. Each loads the record within the caller's sight, checks the role,
 * calls one method of {@link MajorComplaint} and audits the change in the same transaction.
 */
@Service
class MajorComplaints {

	static final Set<Role> AFTER_SALES = EnumSet.of(Role.AFTER_SALES);
	static final Set<Role> ON_SITE = EnumSet.of(Role.DEALER, Role.REGIONAL, Role.AFTER_SALES);
	static final int MAX_TEXT = 4000;

	private final MajorAccess access;
	private final MajorComplaintRepository majors;
	private final DossierEntryRepository dossier;
	private final FollowUpRepository followUps;
	private final ComplaintQueries complaintQueries;
	private final ComplaintNotices complaintNotices;
	private final ComplaintHandling complaintHandling;
	private final DealerCatalog dealers;
	private final BusinessCalendar calendar;
	private final Policies policies;
	private final PersonalDataCipher cipher;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final MessageSource messages;

	MajorComplaints(MajorAccess access, MajorComplaintRepository majors, DossierEntryRepository dossier,
			FollowUpRepository followUps, ComplaintQueries complaintQueries, ComplaintNotices complaintNotices,
			ComplaintHandling complaintHandling, DealerCatalog dealers, BusinessCalendar calendar, Policies policies,
			PersonalDataCipher cipher, Audit audit, ApplicationEventPublisher events, Clock clock,
			MessageSource messages) {
		this.access = access;
		this.majors = majors;
		this.dossier = dossier;
		this.followUps = followUps;
		this.complaintQueries = complaintQueries;
		this.complaintNotices = complaintNotices;
		this.complaintHandling = complaintHandling;
		this.dealers = dealers;
		this.calendar = calendar;
		this.policies = policies;
		this.cipher = cipher;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.messages = messages;
	}

	/**
	 * After-sales flags the complaint as major; a dealer or regional user reports it for after-sales to
	 * confirm. The complaint must be visible to the caller, dispatched to a dealer and open.
	 */
	@Transactional
	MajorComplaint flag(long complaintId, List<String> triggerCodes, String note) {
		complaintQueries.requireVisible(complaintId);
		boolean central = access.holds(Role.AFTER_SALES);
		if (!central) {
			access.require(EnumSet.of(Role.DEALER, Role.REGIONAL));
		}
		Violations v = new Violations();
		Set<Trigger> triggers = triggers(triggerCodes, v);
		if (note != null && note.length() > 2000) {
			v.field("note", "major.text.tooLong", 2000);
		}
		v.throwIfAny();
		ComplaintNotice c = complaintNotices.complaint(complaintId)
				.orElseThrow(() -> new NotFoundException("complaint", complaintId));
		if (c.handlingDealerId() == null) {
			throw new DomainException("major.flag.notDispatched");
		}
		if (c.status() == ComplaintStatus.CANCELLED || c.status().isClosed()) {
			throw new DomainException("major.flag.closed");
		}
		if (majors.findByComplaintId(complaintId).isPresent()) {
			throw new DomainException("major.flag.already");
		}
		DealerSummary dealer = dealers.byId(c.handlingDealerId()).orElseThrow();
		Instant now = clock.instant();
		MajorComplaint m;
		if (central) {
			m = MajorComplaint.flagged(complaintId, dealer.id(), dealer.regionId(), c.customerName(), triggers, note,
					access.actor(), now, phoneDue(now), reportDue(now));
		} else {
			m = MajorComplaint.reported(complaintId, dealer.id(), dealer.regionId(), c.customerName(), triggers, note,
					access.actor(), now);
		}
		majors.saveAndFlush(m);
		audit.changed(Audit.CREATE, "major_complaint", m.getId(), null, snapshot(m));
		if (central) {
			started(m);
		}
		return m;
	}

	/** After-sales confirms a major complaint a dealer or regional user reported. */
	@Transactional
	MajorComplaint confirm(long majorId) {
		MajorComplaint m = access.load(majorId);
		access.require(AFTER_SALES);
		Snapshot before = snapshot(m);
		Instant now = clock.instant();
		m.confirm(access.actor(), now, phoneDue(now), reportDue(now));
		majors.saveAndFlush(m);
		audit.changed(Audit.UPDATE, "major_complaint", m.getId(), before, snapshot(m));
		started(m);
		return m;
	}

	private void started(MajorComplaint m) {
		complaintHandling.flagMajor(m.getComplaintId(), timelineNote(m));
		events.publishEvent(new MajorComplaintFlagged(m.getId(), m.getComplaintId(), m.getDealerId(),
				m.getCustomerName(), m.getFlaggedAt(), m.getPhoneReportDueAt(), m.getReportDueAt()));
	}

	/** The line on the complaint's timeline (stored text, in Chinese like the report): which triggers, who reported. */
	private String timelineNote(MajorComplaint m) {
		String triggers = String.join("、", m.triggerSet().stream()
				.map(t -> messages.getMessage("major.trigger." + t.name(), null, t.name(), Locale.SIMPLIFIED_CHINESE))
				.toList());
		String note = m.getTriggerNote() == null || m.getTriggerNote().isBlank() ? triggers
				: triggers + "：" + m.getTriggerNote();
		return m.getReportedBy() == null || m.getReportedBy().equals(m.getFlaggedBy())
				? messages.getMessage("major.timeline.flagged", new Object[] { "#" + m.getId(), note }, Locale.SIMPLIFIED_CHINESE)
				: messages.getMessage("major.timeline.confirmed", new Object[] { "#" + m.getId(), note, m.getReportedBy() },
						Locale.SIMPLIFIED_CHINESE);
	}

	/** The first phone report to the region's staff: when and to whom. */
	@Transactional
	void recordPhoneReport(long majorId, Instant at, String to) {
		MajorComplaint m = access.load(majorId);
		access.require(ON_SITE);
		Violations v = new Violations();
		if (at == null) {
			v.field("at", "error.required");
		}
		if (to == null || to.isBlank()) {
			v.field("to", "error.required");
		} else if (to.length() > 200) {
			v.field("to", "major.text.tooLong", 200);
		}
		v.throwIfAny();
		Snapshot before = snapshot(m);
		m.recordPhoneReport(at, to, access.actor(), clock.instant());
		majors.saveAndFlush(m);
		audit.changed(Audit.UPDATE, "major_complaint", m.getId(), before, snapshot(m));
	}

	/**
	 * Sets text items of the dossier: a blank value removes the item. Items not named stay as they are. Any
	 * change voids a report generated before (it no longer shows the dossier).
	 */
	@Transactional
	void saveDossier(long majorId, Map<String, String> values) {
		MajorComplaint m = access.load(majorId);
		access.require(ON_SITE);
		m.requireDossierOpen();
		Violations v = new Violations();
		Map<DossierItem, String> parsed = new LinkedHashMap<>();
		values.forEach((k, value) -> {
			DossierItem item = parseItem(k);
			if (item == null || !item.takesText()) {
				v.field(k, "major.dossier.unknownItem", k);
			} else if (value != null && value.length() > MAX_TEXT) {
				v.field(k, "major.text.tooLong", MAX_TEXT);
			} else {
				parsed.put(item, value == null || value.isBlank() ? null : value.trim());
			}
		});
		v.throwIfAny();
		Map<DossierItem, DossierEntry> existing = new LinkedHashMap<>();
		dossier.findByMajorId(majorId).forEach(e -> existing.put(e.getItem(), e));
		Instant now = clock.instant();
		Map<String, String> before = new LinkedHashMap<>();
		Map<String, String> after = new LinkedHashMap<>();
		parsed.forEach((item, value) -> {
			DossierEntry e = existing.get(item);
			String old = e == null ? null : plain(e);
			if (java.util.Objects.equals(old, value)) {
				return;
			}
			before.put(item.name(), shown(item, old));
			after.put(item.name(), shown(item, value));
			String stored = value == null ? null : item.personal() ? cipher.encrypt(value) : value;
			if (value == null) {
				dossier.delete(e);
			} else if (e == null) {
				dossier.save(new DossierEntry(majorId, item, stored, access.actor(), now));
			} else {
				e.replace(stored, access.actor(), now);
			}
		});
		if (!after.isEmpty()) {
			m.dossierChanged();
			majors.save(m);
			audit.changed(Audit.UPDATE, "major_dossier", majorId, before, after);
		}
	}

	/** A regional visit on site or a progress note. */
	@Transactional
	FollowUp recordFollowUp(long majorId, String kind, Instant at, String note) {
		MajorComplaint m = access.load(majorId);
		access.require(EnumSet.of(Role.REGIONAL, Role.AFTER_SALES));
		m.requireFlagged();
		Violations v = new Violations();
		FollowUp.Kind k = null;
		try {
			k = kind == null ? null : FollowUp.Kind.valueOf(kind.trim());
		} catch (IllegalArgumentException e) {
			// reported below
		}
		if (k == null) {
			v.field("kind", kind == null ? "error.required" : "major.followUp.kind", kind);
		}
		if (note == null || note.isBlank()) {
			v.field("note", "error.required");
		} else if (note.length() > MAX_TEXT) {
			v.field("note", "major.text.tooLong", MAX_TEXT);
		}
		Instant now = clock.instant();
		if (at != null && at.isAfter(now)) {
			v.field("at", "major.followUp.future");
		}
		v.throwIfAny();
		FollowUp f = followUps.save(new FollowUp(majorId, k, at == null ? now : at, note.trim(), access.actor(), now));
		audit.changed(Audit.CREATE, "major_follow_up", f.getId(), null,
				Map.of("major", majorId, "kind", k.name(), "note", note.trim()));
		return f;
	}

	/** The region's staff confirm the result of the handling. */
	@Transactional
	void confirmResult(long majorId, String note) {
		MajorComplaint m = access.load(majorId);
		access.require(EnumSet.of(Role.REGIONAL));
		Snapshot before = snapshot(m);
		m.confirmResult(note, access.actor(), clock.instant());
		majors.saveAndFlush(m);
		audit.changed(Audit.UPDATE, "major_complaint", m.getId(), before, snapshot(m));
	}

	private Instant phoneDue(Instant now) {
		return calendar.hourDeadline(now, policies.intAt(PolicyName.MAJOR_FIRST_REPORT_HOURS, now)).at();
	}

	private Instant reportDue(Instant now) {
		return calendar.dayLimitDeadline(now, policies.intAt(PolicyName.MAJOR_REPORT_DAYS, now)).at();
	}

	String plain(DossierEntry e) {
		return e.getItem().personal() ? cipher.decrypt(e.getTextValue()) : e.getTextValue();
	}

	static String shown(DossierItem item, String value) {
		return item.personal() && value != null ? com.kcm.shared.Masking.phone(value) : value;
	}

	static DossierItem parseItem(String code) {
		try {
			return code == null ? null : DossierItem.valueOf(code.trim());
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static Set<Trigger> triggers(List<String> codes, Violations v) {
		EnumSet<Trigger> set = EnumSet.noneOf(Trigger.class);
		if (codes == null || codes.isEmpty()) {
			v.field("triggers", "major.triggers.required");
			return set;
		}
		for (String code : codes) {
			try {
				set.add(Trigger.valueOf(code.trim()));
			} catch (RuntimeException e) {
				v.field("triggers", "major.triggers.unknown", code);
			}
		}
		return set;
	}

	/** What the audit trail keeps of a major complaint. */
	record Snapshot(long complaintId, MajorStatus status, String triggers, String flaggedBy, Instant flaggedAt,
			Instant phoneReportedAt, String phoneReportedTo, Instant reportDueAt, Instant reportSubmittedAt,
			Instant resultConfirmedAt, String resultNote) {
	}

	static Snapshot snapshot(MajorComplaint m) {
		return new Snapshot(m.getComplaintId(), m.getStatus(), m.triggerSet().toString(), m.getFlaggedBy(),
				m.getFlaggedAt(), m.getPhoneReportedAt(), m.getPhoneReportedTo(), m.getReportDueAt(),
				m.getReportSubmittedAt(), m.getResultConfirmedAt(), m.getResultNote());
	}
}
