package com.kcm.assessment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.complaint.ComplaintQueries;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUsers;
import com.kcm.shared.domain.Violations;

/**
 * Negative media exposure or severe market damage caused by a dealer's late or missing action (SPEC §5.3
 * condition 5), recorded by after-sales, optionally linked to the complaint behind it.
 */
@Service
public class MediaIncidents {

	private final JdbcClient jdbc;
	private final DealerCatalog dealers;
	private final ComplaintQueries complaints;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	MediaIncidents(JdbcClient jdbc, DealerCatalog dealers, ComplaintQueries complaints, CurrentUsers users, Audit audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.dealers = dealers;
		this.complaints = complaints;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public long record(String dealerCode, OffsetDateTime at, String description, String complaintExternalId) {
		Violations v = new Violations();
		DealerSummary dealer = dealerCode == null ? null : dealers.byCode(dealerCode.trim()).orElse(null);
		if (dealer == null) {
			v.field("dealerCode", dealerCode == null ? "error.required" : "assessment.dealer.unknown", dealerCode);
		}
		if (at == null) {
			v.field("at", "error.required");
		}
		if (description == null || description.isBlank()) {
			v.field("description", "error.required");
		}
		Long complaintId = null;
		if (complaintExternalId != null && !complaintExternalId.isBlank()) {
			var found = complaints.byExternalId(complaintExternalId.trim());
			if (found.isEmpty()) {
				v.field("complaintExternalId", "assessment.complaint.unknown", complaintExternalId);
			} else {
				complaintId = found.get(0).id();
			}
		}
		v.throwIfAny();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into media_incident (dealer_id, at, description, complaint_id, recorded_by, recorded_at) "
				+ "values (:d, :at, :desc, :c, :by, :now)").param("d", dealer.id())
				.param("at", Months.utc(at.toInstant())).param("desc", description.trim()).param("c", complaintId)
				.param("by", users.find().map(u -> u.username()).orElse("system"))
				.param("now", Months.utc(clock.instant())).update(keys, "id");
		long id = keys.getKey().longValue();
		audit.changed(Audit.CREATE, "media_incident", id, null,
				Map.of("dealer", dealer.code(), "at", at.toString(), "description", description.trim()));
		return id;
	}

	/**
	 * Incidents of the dealer that happened in the month (local dates). An incident recorded after the
	 * cut-off still counts for its month, as a penalty does: the statement freezes what was known.
	 */
	@Transactional(readOnly = true)
	public int count(long dealerId, YearMonth month) {
		return jdbc.sql("select count(*) from media_incident where dealer_id = :d and at >= :from and at < :to")
				.param("d", dealerId).param("from", Months.utc(Months.start(month)))
				.param("to", Months.utc(Months.end(month))).query(Integer.class).single();
	}

	/** {@link #count(long, YearMonth)} of every dealer with an incident in the month, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> counts(YearMonth month) {
		Map<Long, Integer> out = new java.util.HashMap<>();
		jdbc.sql("select dealer_id, count(*) from media_incident where at >= :from and at < :to group by dealer_id")
				.param("from", Months.utc(Months.start(month))).param("to", Months.utc(Months.end(month)))
				.query(rs -> {
					out.put(rs.getLong(1), rs.getInt(2));
				});
		return out;
	}
}
