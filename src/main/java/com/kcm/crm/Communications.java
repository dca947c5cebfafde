package com.kcm.crm;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.complaint.ComplaintQueries;
import com.kcm.customer.Customers;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violations;

/**
 * The communication log (SPEC §7.1): entries added by central staff, account managers, or a dealer user for a
 * customer it may see (recorded with its dealer); never edited — a correction is a new entry pointing at the
 * one it corrects. Audited.
 */
@Service
class Communications {

	static final String TYPE = "communication_entry";

	record EntryCommand(String channel, String direction, OffsetDateTime at, String summary, Long complaintId,
			Long correctsId) {
	}

	private final CommunicationRepository entries;
	private final Customers customers;
	private final ComplaintQueries complaints;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	Communications(CommunicationRepository entries, Customers customers, ComplaintQueries complaints,
			CurrentUsers users, Audit audit, Clock clock) {
		this.entries = entries;
		this.customers = customers;
		this.complaints = complaints;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	CommunicationEntry add(long customerId, EntryCommand cmd) {
		customers.get(customerId);
		Violations v = new Violations();
		CommunicationEntry.Channel channel = null;
		CommunicationEntry.Direction direction = null;
		try {
			channel = CommunicationEntry.Channel.valueOf(String.valueOf(cmd.channel()).strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			v.field("channel", "crm.comm.channel");
		}
		try {
			direction = CommunicationEntry.Direction.valueOf(String.valueOf(cmd.direction()).strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			v.field("direction", "crm.comm.direction");
		}
		Instant now = clock.instant();
		Instant at = cmd.at() == null ? now : cmd.at().toInstant();
		if (at.isAfter(now.plusSeconds(60))) {
			v.field("at", "crm.comm.future");
		}
		Texts.required(cmd.summary(), 2000, "summary", v);
		if (cmd.correctsId() != null) {
			CommunicationEntry old = entries.findById(cmd.correctsId()).orElse(null);
			if (old == null || old.getCustomerId() != customerId) {
				v.field("correctsId", "crm.comm.corrects", cmd.correctsId());
			}
		}
		v.throwIfAny();
		if (cmd.complaintId() != null) {
			complaints.requireVisible(cmd.complaintId());
		}
		CurrentUser me = users.current();
		CommunicationEntry e = entries.save(new CommunicationEntry(customerId, channel, direction, at, me.id(),
				me.displayName(), me.scope().dealerId(), cmd.summary().strip(), cmd.complaintId(), cmd.correctsId(), now));
		audit.changed(Audit.CREATE, TYPE, e.getId(), null, CommunicationAnswer.of(e));
		return e;
	}

	@Transactional(readOnly = true)
	Page<CommunicationEntry> of(long customerId, Pageable pageable) {
		customers.get(customerId);
		return entries.findByCustomerIdOrderByAtDescIdDesc(customerId, pageable);
	}

	/** One entry of the communication record as the API shows it. */
	record CommunicationAnswer(Long id, Long customerId, CommunicationEntry.Channel channel,
			CommunicationEntry.Direction direction, String at, String by, Long dealerId, String summary, Long complaintId,
			Long correctsId) {

		static CommunicationAnswer of(CommunicationEntry e) {
			return new CommunicationAnswer(e.getId(), e.getCustomerId(), e.getChannel(), e.getDirection(),
					e.getAt().atZone(com.kcm.shared.TimeConfig.BUSINESS_ZONE).toOffsetDateTime().toString(),
					e.getUserName(), e.getDealerId(), e.getSummary(), e.getComplaintId(), e.getCorrectsId());
		}
	}
}
