package com.kcm.voice.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Scope;
import com.kcm.shared.TimeConfig;

/**
 * Survey results per dealer and month (SPEC §7.4): surveys sent in the month (business zone), how many of them were
 * answered, the response rate (4 places, {@code null} without sends), the average of each score question (by its
 * text, 2 places), the NPS (% promoters 9–10 minus % detractors 0–6 of the NPS answers, 1 place) and the free-text
 * answers. Within the caller's scope.
 */
@Service
class SurveyResults {

	/** One dealer's month. */
	public record DealerMonth(Long dealerId, String dealerCode, String dealerName, long sent, long answered,
			BigDecimal responseRate, Map<String, BigDecimal> averages, long npsAnswers, BigDecimal nps) {
	}

	/** One free-text answer. */
	public record TextAnswer(Long dealerId, String dealerCode, long surveyId, Long complaintId, String question,
			String text) {
	}

	private final JdbcClient jdbc;
	private final DealerCatalog dealers;
	private final CurrentUsers users;

	SurveyResults(JdbcClient jdbc, DealerCatalog dealers, CurrentUsers users) {
		this.jdbc = jdbc;
		this.dealers = dealers;
		this.users = users;
	}

	private record Sql(String where, MapSqlParameterSource params) {
	}

	private Sql where(YearMonth month, Long onlyDealer) {
		Scope scope = users.scope();
		MapSqlParameterSource p = new MapSqlParameterSource();
		p.addValue("from", Timestamp.from(month.atDay(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant()));
		p.addValue("to", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant()));
		StringBuilder w = new StringBuilder(" s.sent_at >= :from and s.sent_at < :to and s.status in ('SENT', 'ANSWERED')");
		if (scope.dealerId() != null) {
			w.append(" and s.dealer_id = :sd");
			p.addValue("sd", scope.dealerId());
		}
		if (scope.regionId() != null) {
			w.append(" and s.dealer_id in (select id from dealer where region_id = :sr)");
			p.addValue("sr", scope.regionId());
		}
		if (onlyDealer != null) {
			w.append(" and s.dealer_id = :od");
			p.addValue("od", onlyDealer);
		}
		return new Sql(w.toString(), p);
	}

	@Transactional(readOnly = true)
	public List<DealerMonth> month(YearMonth month) {
		return month(month, null);
	}

	/** One dealer's month (for the assessment pages), or empty figures when it sent nothing. */
	@Transactional(readOnly = true)
	public DealerMonth dealerMonth(long dealerId, YearMonth month) {
		List<DealerMonth> l = month(month, dealerId);
		DealerSummary d = dealers.byId(dealerId).orElse(null);
		return l.isEmpty() ? new DealerMonth(dealerId, d == null ? null : d.code(), d == null ? null : d.name(), 0, 0, null,
				Map.of(), 0, null) : l.get(0);
	}

	private List<DealerMonth> month(YearMonth month, Long onlyDealer) {
		Sql w = where(month, onlyDealer);
		Map<Long, long[]> counts = new LinkedHashMap<>();
		jdbc.sql("select s.dealer_id, count(*) as sent, sum(case when s.status = 'ANSWERED' then 1 else 0 end) as answered"
				+ " from survey s where" + w.where() + " group by s.dealer_id").paramSource(w.params()).query(rs -> {
					long d = rs.getLong("dealer_id");
					counts.put(rs.wasNull() ? -1L : d, new long[] { rs.getLong("sent"), rs.getLong("answered") });
				});
		Map<Long, Map<String, BigDecimal>> averages = new HashMap<>();
		Map<Long, long[]> nps = new HashMap<>();
		jdbc.sql("select s.dealer_id, q.kind, q.text, count(*) as n, sum(a.score) as total,"
				+ " sum(case when a.score >= 9 then 1 else 0 end) as promoters,"
				+ " sum(case when a.score <= 6 then 1 else 0 end) as detractors"
				+ " from survey s join survey_answer a on a.survey_id = s.id join survey_question q on q.id = a.question_id"
				+ " where" + w.where() + " and q.kind in ('SCORE_1_5', 'NPS_0_10') group by s.dealer_id, q.kind, q.text")
				.paramSource(w.params()).query(rs -> {
					long d = rs.getLong("dealer_id");
					Long key = rs.wasNull() ? -1L : d;
					long n = rs.getLong("n");
					if ("SCORE_1_5".equals(rs.getString("kind"))) {
						averages.computeIfAbsent(key, k -> new TreeMap<>()).put(rs.getString("text"),
								BigDecimal.valueOf(rs.getLong("total")).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP));
					} else {
						long[] x = nps.computeIfAbsent(key, k -> new long[3]);
						x[0] += n;
						x[1] += rs.getLong("promoters");
						x[2] += rs.getLong("detractors");
					}
				});
		Set<Long> ids = new java.util.HashSet<>(counts.keySet());
		ids.remove(-1L);
		Map<Long, DealerSummary> byId = ids.isEmpty() ? Map.of() : dealers.byIds(ids);
		TreeMap<String, DealerMonth> out = new TreeMap<>();
		counts.forEach((d, c) -> {
			DealerSummary s = byId.get(d);
			long[] n = nps.getOrDefault(d, new long[3]);
			BigDecimal score = n[0] == 0 ? null
					: BigDecimal.valueOf((n[1] - n[2]) * 100L).divide(BigDecimal.valueOf(n[0]), 1, RoundingMode.HALF_UP);
			String code = s == null ? "" : s.code();
			out.put(code + "|" + d, new DealerMonth(d < 0 ? null : d, s == null ? null : s.code(), s == null ? null : s.name(),
					c[0], c[1], c[0] == 0 ? null : BigDecimal.valueOf(c[1]).divide(BigDecimal.valueOf(c[0]), 4, RoundingMode.HALF_UP),
					averages.getOrDefault(d, Map.of()), n[0], score));
		});
		return new ArrayList<>(out.values());
	}

	/** The free-text answers of the month in scope, newest first, page by page for the export. */
	@Transactional(readOnly = true)
	public void texts(YearMonth month, Long onlyDealer, int limit, Consumer<TextAnswer> sink) {
		Sql w = where(month, onlyDealer);
		MapSqlParameterSource p = new MapSqlParameterSource(w.params().getValues()).addValue("limit", limit);
		List<TextAnswer> rows = jdbc.sql("select s.id, s.dealer_id, s.complaint_id, q.text as question, a.text"
				+ " from survey s join survey_answer a on a.survey_id = s.id join survey_question q on q.id = a.question_id"
				+ " where" + w.where() + " and q.kind = 'TEXT' and a.text is not null order by s.answered_at desc, s.id desc"
				+ " fetch first :limit rows only").paramSource(p).query((rs, i) -> {
					long d = rs.getLong("dealer_id");
					Long dealer = rs.wasNull() ? null : d;
					long k = rs.getLong("complaint_id");
					Long complaint = rs.wasNull() ? null : k;
					return new TextAnswer(dealer, null, rs.getLong("id"), complaint, rs.getString("question"),
							rs.getString("text"));
				}).list();
		Set<Long> ids = new java.util.HashSet<>();
		rows.forEach(r -> {
			if (r.dealerId() != null) {
				ids.add(r.dealerId());
			}
		});
		Map<Long, DealerSummary> byId = ids.isEmpty() ? Map.of() : dealers.byIds(ids);
		rows.forEach(r -> sink.accept(new TextAnswer(r.dealerId(),
				r.dealerId() == null || byId.get(r.dealerId()) == null ? null : byId.get(r.dealerId()).code(), r.surveyId(),
				r.complaintId(), r.question(), r.text())));
	}
}
