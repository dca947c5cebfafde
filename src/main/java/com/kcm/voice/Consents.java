package com.kcm.voice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.customer.Customers;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.shared.domain.Violations;

/**
 * Consents per customer and purpose (SPEC §7.5) — the check every sender of customer messages makes, and the
 * append-only history behind it. No record means no consent; the newest record at or before an instant (by
 * its effective instant, then the order recorded) decides. Recording is scoped like the customer (another
 * dealer's customer is a 404, audited) and every record is audited.
 */
@Service
public class Consents {

	static final String TYPE = "consent_record";
	private static final int CHUNK = 500;

	/** The state of one purpose for a customer as of an instant; {@code latest} null when nothing is recorded. */
	public record State(ConsentPurpose purpose, boolean inForce, ConsentView latest) {
	}

	private final ConsentRecordRepository records;
	private final Customers customers;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;
	private final JdbcClient jdbc;

	Consents(ConsentRecordRepository records, Customers customers, CurrentUsers users, Audit audit, Clock clock,
			JdbcClient jdbc) {
		this.records = records;
		this.customers = customers;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	// ---- the check for senders (no scope: the sender decides whom it writes to) ---------------------------

	/** Whether the customer's consent for the purpose is in force at the instant (no record: no consent). */
	@Transactional(readOnly = true)
	public boolean inForce(long customerId, ConsentPurpose purpose, Instant at) {
		return !inForce(List.of(customerId), purpose, at).isEmpty();
	}

	/** Those of the customers whose consent for the purpose is in force at the instant, in a query per 500. */
	@Transactional(readOnly = true)
	public Set<Long> inForce(Collection<Long> customerIds, ConsentPurpose purpose, Instant at) {
		Set<Long> out = new HashSet<>();
		List<Long> ids = List.copyOf(new HashSet<>(customerIds));
		for (int from = 0; from < ids.size(); from += CHUNK) {
			out.addAll(jdbc.sql("""
					select r.customer_id from consent_record r
					where r.customer_id in (:ids) and r.purpose = :purpose and r.effective_at <= :at and r.given
					and not exists (select 1 from consent_record s where s.customer_id = r.customer_id
					  and s.purpose = r.purpose and s.effective_at <= :at
					  and (s.effective_at > r.effective_at or (s.effective_at = r.effective_at and s.id > r.id)))
					""").param("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
					.param("purpose", purpose.name()).param("at", at.atOffset(java.time.ZoneOffset.UTC))
					.query(Long.class).list());
		}
		return out;
	}

	// ---- reading and recording, scoped ------------------------------------------------------------------

	/** Each purpose's state now for a customer the caller may see. */
	@Transactional(readOnly = true)
	public List<State> current(long customerId) {
		customers.get(customerId);
		return states(customerId, clock.instant());
	}

	/** The states of a customer already checked visible (for the 360° page). */
	List<State> states(long customerId, Instant at) {
		Map<ConsentPurpose, ConsentView> latest = new EnumMap<>(ConsentPurpose.class);
		for (ConsentRecord r : records.latest(customerId, at)) {
			latest.put(r.view().purpose(), r.view());
		}
		List<State> out = new ArrayList<>();
		for (ConsentPurpose p : ConsentPurpose.values()) {
			ConsentView v = latest.get(p);
			out.add(new State(p, v != null && v.given(), v));
		}
		return out;
	}

	/** The full history of a customer the caller may see, newest first. */
	@Transactional(readOnly = true)
	public Page<ConsentView> history(long customerId, Pageable pageable) {
		customers.get(customerId);
		return records.findByCustomerIdOrderByEffectiveAtDescIdDesc(customerId, pageable).map(ConsentRecord::view);
	}

	/** Records a consent given or withdrawn for a customer the caller may see, by the caller. Audited. */
	@Transactional
	public ConsentView record(long customerId, ConsentCommand cmd) {
		customers.get(customerId);
		Violations v = new Violations();
		ConsentPurpose purpose = parse(ConsentPurpose.class, cmd.purpose(), "purpose", v);
		ConsentChannel channel = parse(ConsentChannel.class, cmd.channel(), "channel", v);
		Boolean given = null;
		String state = cmd.state() == null ? "" : cmd.state().strip().toUpperCase(Locale.ROOT);
		if ("GIVEN".equals(state)) {
			given = true;
		} else if ("WITHDRAWN".equals(state)) {
			given = false;
		} else {
			v.field("state", "voice.consent.state");
		}
		Instant now = clock.instant();
		Instant at = cmd.at() == null ? now : cmd.at().toInstant();
		if (at.isAfter(now.plusSeconds(60))) {
			v.field("at", "voice.consent.future");
		}
		String note = cmd.note() == null || cmd.note().isBlank() ? null : cmd.note().strip();
		if (note != null && note.length() > 500) {
			v.field("note", "voice.tooLong", 500);
		}
		v.throwIfAny();
		CurrentUser me = users.current();
		return save(new ConsentRecord(customerId, purpose, given, at, channel, note, me.id(), me.displayName(), now));
	}

	/**
	 * Withdraws the purposes for every active customer with this mobile number (an SMS reply such as
	 * {@code TD}), recorded by {@code by} through {@code channel}; answers the customers' ids. Audited. No
	 * scope: the caller is a gateway, not a user.
	 */
	@Transactional
	public List<Long> withdrawByMobile(String mobile, Set<ConsentPurpose> purposes, ConsentChannel channel, String by,
			String note) {
		Instant now = clock.instant();
		List<Long> ids = customers.idsByPhone(mobile);
		for (long id : ids) {
			for (ConsentPurpose p : ConsentPurpose.values()) {
				if (purposes.contains(p)) {
					save(new ConsentRecord(id, p, false, now, channel, note, null, by, now));
				}
			}
		}
		return ids;
	}

	private ConsentView save(ConsentRecord r) {
		ConsentView saved = records.save(r).view();
		audit.changed(Audit.CREATE, TYPE, saved.id(), null, json(saved));
		return saved;
	}

	/** What the audit trail keeps of a consent record. */
	record Snapshot(long customerId, ConsentPurpose purpose, String state, String at, ConsentChannel channel,
			String note, String recordedBy) {
	}

	static Snapshot json(ConsentView v) {
		return new Snapshot(v.customerId(), v.purpose(), v.given() ? "GIVEN" : "WITHDRAWN", v.at().toString(),
				v.channel(), v.note(), v.recordedBy());
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Violations v) {
		try {
			return Enum.valueOf(type, String.valueOf(value).strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			v.field(field, "voice.consent." + field);
			return null;
		}
	}
}
