package com.kcm.voice.churn;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Scope;
import com.kcm.quality.ChurnFacts;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;

/**
 * Retention calls to churned customers (SPEC §7.6): a reason ({@link Reason}, {@code OTHER} with a text) and an
 * outcome, counted for the dealer of the customer's latest repair order; reasons summed per dealer. A caller may
 * call a customer whose latest repair order is with a dealer in its scope (SPEC §8); others answer 404.
 */
@Service
class RetentionCalls {

	public enum Reason {
		MOVED, SOLD_VEHICLE, PRICE, SERVICE_QUALITY, DISTANCE, OTHER
	}

	public enum Outcome {
		WILL_RETURN, CONSIDERING, LOST, NOT_REACHED
	}

	record Command(Long customerId, String reason, String reasonText, String outcome, String note) {
	}

	/** One recorded call. */
	public record Call(long id, long customerId, long dealerId, Reason reason, String reasonText, Outcome outcome,
			String note, Instant calledAt, String calledBy) {
	}

	/** Calls of one dealer by reason and by outcome. */
	public record DealerReasons(String dealerCode, String dealerName, Map<Reason, Long> reasons,
			Map<Outcome, Long> outcomes, long total) {
	}

	static final String TYPE = "retention_call";

	private final JdbcClient jdbc;
	private final ChurnFacts facts;
	private final DealerCatalog dealers;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	RetentionCalls(JdbcClient jdbc, ChurnFacts facts, DealerCatalog dealers, CurrentUsers users, Audit audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.facts = facts;
		this.dealers = dealers;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public long record(Command cmd) {
		List<Violation> errors = new ArrayList<>();
		Reason reason = parse(Reason.class, cmd.reason(), "reason", errors);
		Outcome outcome = parse(Outcome.class, cmd.outcome(), "outcome", errors);
		String text = cmd.reasonText() == null || cmd.reasonText().isBlank() ? null : cmd.reasonText().strip();
		if (reason == Reason.OTHER && text == null) {
			errors.add(Violation.field("reasonText", "churn.call.reasonText.required"));
		}
		if (text != null && text.length() > 500) {
			errors.add(Violation.field("reasonText", "churn.call.tooLong", 500));
		}
		String note = cmd.note() == null || cmd.note().isBlank() ? null : cmd.note().strip();
		if (note != null && note.length() > 2000) {
			errors.add(Violation.field("note", "churn.call.tooLong", 2000));
		}
		if (cmd.customerId() == null) {
			errors.add(Violation.field("customerId", "churn.call.customer.required"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		ChurnFacts.ChurnedCustomer latest = visibleLatest(cmd.customerId());
		CurrentUser user = users.current();
		Instant now = clock.instant();
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into retention_call (customer_id, dealer_id, reason, reason_text, outcome, note, called_at, called_by)
				values (:c, :d, :r, :t, :o, :n, :at, :by)""")
				.param("c", cmd.customerId()).param("d", latest.dealerId()).param("r", reason.name()).param("t", text)
				.param("o", outcome.name()).param("n", note).param("at", java.sql.Timestamp.from(now))
				.param("by", user.username()).update(key, "id");
		long id = key.getKey().longValue();
		audit.changed(Audit.CREATE, TYPE, id, null, Map.of("customerId", cmd.customerId(), "reason", reason.name(),
				"outcome", outcome.name()));
		return id;
	}

	/** The customer's latest repair order, when its dealer is in the caller's scope; else 404 and audited. */
	ChurnFacts.ChurnedCustomer visibleLatest(long customerId) {
		ChurnFacts.ChurnedCustomer latest = facts.latestOf(List.of(customerId),
				LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE)).get(customerId);
		Scope scope = users.scope();
		boolean visible = latest != null && (scope.dealerId() == null || scope.dealerId() == latest.dealerId())
				&& (scope.regionId() == null || dealers.byId(latest.dealerId())
						.map(d -> d.regionId() == scope.regionId()).orElse(false));
		if (!visible) {
			audit.notVisible("customer", customerId);
			throw new NotFoundException("customer", customerId);
		}
		return latest;
	}

	/** The calls to one customer, newest first. */
	@Transactional(readOnly = true)
	public List<Call> of(long customerId) {
		visibleLatest(customerId);
		return jdbc.sql("select * from retention_call where customer_id = :c order by called_at desc, id desc limit 100")
				.param("c", customerId).query((rs, i) -> new Call(rs.getLong("id"), rs.getLong("customer_id"),
						rs.getLong("dealer_id"), Reason.valueOf(rs.getString("reason")), rs.getString("reason_text"),
						Outcome.valueOf(rs.getString("outcome")), rs.getString("note"),
						rs.getTimestamp("called_at").toInstant(), rs.getString("called_by")))
				.list();
	}

	/** Calls from {@code from} to {@code to} (dates, business zone, inclusive) per dealer in scope, dealers in code order. */
	@Transactional(readOnly = true)
	public List<DealerReasons> reasonsByDealer(LocalDate from, LocalDate to) {
		Scope scope = users.scope();
		StringBuilder sql = new StringBuilder("""
				select c.dealer_id, c.reason, c.outcome, count(*) as n from retention_call c join dealer d on d.id = c.dealer_id
				where c.called_at >= :from and c.called_at < :to""");
		MapSqlParameterSource p = new MapSqlParameterSource();
		p.addValue("from", java.sql.Timestamp.from(from.atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant()));
		p.addValue("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant()));
		if (scope.dealerId() != null) {
			sql.append(" and c.dealer_id = :dealer");
			p.addValue("dealer", scope.dealerId());
		}
		if (scope.regionId() != null) {
			sql.append(" and d.region_id = :region");
			p.addValue("region", scope.regionId());
		}
		sql.append(" group by c.dealer_id, c.reason, c.outcome");
		var spec = jdbc.sql(sql.toString()).paramSource(p);
		Map<Long, Map<Reason, Long>> reasons = new java.util.HashMap<>();
		Map<Long, Map<Outcome, Long>> outcomes = new java.util.HashMap<>();
		spec.query(rs -> {
			long d = rs.getLong("dealer_id");
			long n = rs.getLong("n");
			reasons.computeIfAbsent(d, x -> new EnumMap<>(Reason.class)).merge(Reason.valueOf(rs.getString("reason")), n,
					Long::sum);
			outcomes.computeIfAbsent(d, x -> new EnumMap<>(Outcome.class)).merge(Outcome.valueOf(rs.getString("outcome")),
					n, Long::sum);
		});
		Set<Long> ids = reasons.keySet();
		Map<Long, DealerSummary> byId = ids.isEmpty() ? Map.of() : dealers.byIds(ids);
		TreeMap<String, DealerReasons> out = new TreeMap<>();
		for (Long d : ids) {
			DealerSummary s = byId.get(d);
			Map<Reason, Long> r = new EnumMap<>(Reason.class);
			for (Reason x : Reason.values()) {
				r.put(x, reasons.get(d).getOrDefault(x, 0L));
			}
			Map<Outcome, Long> o = new EnumMap<>(Outcome.class);
			for (Outcome x : Outcome.values()) {
				o.put(x, outcomes.get(d).getOrDefault(x, 0L));
			}
			out.put(s.code(), new DealerReasons(s.code(), s.name(), r, o, r.values().stream().mapToLong(Long::longValue).sum()));
		}
		return new ArrayList<>(out.values());
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<Violation> errors) {
		if (value == null || value.isBlank()) {
			errors.add(Violation.field(field, "churn.call." + field + ".required"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		} catch (IllegalArgumentException e) {
			errors.add(Violation.field(field, "churn.call." + field + ".unknown", value));
			return null;
		}
	}
}
