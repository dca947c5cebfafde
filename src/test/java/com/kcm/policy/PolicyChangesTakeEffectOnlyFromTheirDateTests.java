package com.kcm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.calendar.BusinessCalendar;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/**
 * A new policy value applies from its effective date; a computation for an earlier period keeps the old
 * value. Values are set in 2090, a year no other test computes in, and removed afterwards.
 */
@KcmTest
class PolicyChangesTakeEffectOnlyFromTheirDateTests {

	@LocalServerPort
	int port;

	@Autowired
	Policies policies;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeTheValuesOf2090() {
		jdbc.sql("delete from policy_value where effective_from >= date '2090-01-01'").update();
		policies.refresh();
	}

	private Api admin() {
		return new Api(port).as("admin", "admin-test-pass");
	}

	private static Instant at(String local) {
		return OffsetDateTime.parse(local + "+08:00").toInstant();
	}

	@Test
	void theShippedDefaultsAreInForceFrom2000() {
		for (PolicyName p : PolicyName.values()) {
			assertThat(policies.valueOn(p.name(), LocalDate.of(2000, 1, 1))).as(p.name()).isEqualTo(p.defaultValue());
			assertThat(policies.entryOn(p, LocalDate.of(2000, 1, 1))).as(p.name() + " shipped by the migration").isPresent();
		}
		assertThat(policies.intAt(PolicyName.closureDays("PRODUCT_QUALITY"), at("2026-11-02T10:00:00"))).isEqualTo(7);
		assertThat(policies.decimalAt(PolicyName.supportAmount("3S"), at("2026-11-02T10:00:00"))).isEqualByComparingTo("1500.00");
		assertThat(policies.durationAt(PolicyName.FIRST_REPLY_HOURS, at("2026-11-02T10:00:00"))).hasHours(24);
		assertThat(policies.textAt(PolicyName.COMPANY_NAME, at("2026-11-02T10:00:00"))).isEqualTo("某汽车公司");
		assertThat(policies.bandsAt(PolicyName.LIMIT_BANDS, at("2026-11-02T10:00:00")).limitFor(new java.math.BigDecimal("1500"))).isEqualTo(6);
	}

	@Test
	void aNewCutOffAppliesFromItsDateAndTheDayBeforeKeepsTheOldOne() {
		Api.Answer a = admin().post("/policies/CUT_OFF_TIME",
				Map.of("value", "17:00", "effectiveFrom", "2090-03-01", "reason", "测试：下班时间调整"));
		assertThat(a.status()).as(a.body()).isEqualTo(200);

		assertThat(policies.timeAt(PolicyName.CUT_OFF_TIME, at("2090-02-28T23:59:59"))).isEqualTo("16:30");
		assertThat(policies.timeAt(PolicyName.CUT_OFF_TIME, at("2090-03-01T00:00:00"))).isEqualTo("17:00");
		// the calendar takes the cut-off in force at the start
		assertThat(calendar.businessDate(at("2090-02-28T16:45:00"))).isEqualTo("2090-03-01");
		assertThat(calendar.businessDate(at("2090-03-01T16:45:00"))).isEqualTo("2090-03-01");
		assertThat(calendar.dayLimitDeadline(at("2090-03-01T16:45:00"), 1).local()).isEqualTo("2090-03-02T17:00");
		assertThat(calendar.dayLimitDeadline(at("2090-02-27T10:00:00"), 1).local()).isEqualTo("2090-02-28T16:30");
	}

	@Test
	void aChangeIsInTheHistoryWithWhoWhenAndWhyAndInTheAuditTrail() {
		admin().post("/policies/CLOSURE_DAYS_OTHER", Map.of("value", 6, "effectiveFrom", "2090-05-01", "reason", "测试：放宽期限"));

		var detail = admin().get("/policies/CLOSURE_DAYS_OTHER").json();
		var latest = detail.get("history").get(0);
		assertThat(latest.get("value").asString()).isEqualTo("6");
		assertThat(latest.get("effectiveFrom").asString()).isEqualTo("2090-05-01");
		assertThat(latest.get("reason").asString()).isEqualTo("测试：放宽期限");
		assertThat(latest.get("recordedBy").asString()).isEqualTo("admin");
		assertThat(detail.get("nextChange").get("value").asString()).isEqualTo("6");
		assertThat(jdbc.sql("select after_state from audit_entry where entity_type = 'policy' and entity_id = 'CLOSURE_DAYS_OTHER' order by id desc")
				.query(String.class).list().get(0)).contains("2090-05-01", "测试：放宽期限");
	}

	@Test
	void theBandTableMayBeSentAsJson() {
		Api.Answer a = admin().post("/policies/LIMIT_BANDS", Map.of("value",
				List.of(Map.of("from", 0, "to", 200, "limit", 2), Map.of("from", 200, "limit", 3, "step", 400)),
				"effectiveFrom", "2090-01-01", "reason", "测试"));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		assertThat(policies.bandsOn(PolicyName.LIMIT_BANDS, LocalDate.of(2090, 1, 1)).limitFor(new java.math.BigDecimal("650"))).isEqualTo(4);
		assertThat(policies.bandsOn(PolicyName.LIMIT_BANDS, LocalDate.of(2089, 12, 31)).limitFor(new java.math.BigDecimal("650"))).isEqualTo(4);
		assertThat(policies.bandsOn(PolicyName.LIMIT_BANDS, LocalDate.of(2089, 12, 31)).limitFor(new java.math.BigDecimal("150"))).isEqualTo(2);
		assertThat(policies.bandsOn(PolicyName.LIMIT_BANDS, LocalDate.of(2090, 1, 1)).limitFor(new java.math.BigDecimal("150"))).isEqualTo(2);
		assertThat(policies.bandsOn(PolicyName.LIMIT_BANDS, LocalDate.of(2090, 1, 1)).limitFor(new java.math.BigDecimal("50"))).isEqualTo(2);
		assertThat(policies.bandsOn(PolicyName.LIMIT_BANDS, LocalDate.of(2089, 12, 31)).limitFor(new java.math.BigDecimal("50"))).isEqualTo(1);
	}

	@Test
	void invalidValuesAreRefusedWithAMessageNamingTheFieldAndNothingIsStored() {
		int before = policies.history(PolicyName.CUT_OFF_TIME).size();
		Api.Answer a = admin().post("/policies/CUT_OFF_TIME", Map.of("value", "25:00", "effectiveFrom", "2090-13-01", "reason", ""));
		assertThat(a.status()).isEqualTo(422);
		var errors = a.json().get("errors");
		assertThat(errors).extracting(e -> e.get("field").asString()).containsExactly("value", "effectiveFrom", "reason");
		assertThat(errors.get(0).get("message").asString()).contains("每日截止时间", "HH:mm");
		assertThat(policies.history(PolicyName.CUT_OFF_TIME)).hasSize(before);

		assertThat(admin().post("/policies/CLOSURE_DAYS_OTHER", Map.of("value", -2, "effectiveFrom", "2090-01-01", "reason", "x"))
				.json().get("errors").get(0).get("message").asString()).contains("不能为负数");
		assertThat(admin().post("/policies/SUPPORT_AMOUNT_4S", Map.of("value", "三千", "effectiveFrom", "2090-01-01", "reason", "x"))
				.json().get("errors").get(0).get("message").asString()).contains("金额");
		assertThat(admin().post("/policies/LIMIT_BANDS", Map.of("value",
				"[{\"from\":0,\"to\":100,\"limit\":1},{\"from\":50,\"limit\":2,\"step\":500}]", "effectiveFrom", "2090-01-01",
				"reason", "x")).json().get("errors").get(0).get("message").asString()).contains("重叠");
		assertThat(admin().post("/policies/NO_SUCH_THING", Map.of("value", "1", "effectiveFrom", "2090-01-01", "reason", "x"))
				.status()).isEqualTo(404);
	}

	@Test
	void anAfterSalesManagerMayChangeAPolicyAndAnAgentMayNot() {
		String manager = user("AFTER_SALES_MANAGER");
		String agent = user("CS_AGENT");
		Map<String, Object> body = Map.of("value", "某汽车集团", "effectiveFrom", "2090-01-01", "reason", "更名");

		assertThat(new Api(port).as(agent, "secret-123").post("/policies/COMPANY_NAME", body).status()).isEqualTo(403);
		assertThat(new Api(port).as(manager, "secret-123").post("/policies/COMPANY_NAME", body).status()).isEqualTo(200);
		assertThat(policies.textOn(PolicyName.COMPANY_NAME, LocalDate.of(2090, 1, 1))).isEqualTo("某汽车集团");
		assertThat(new Api(port).as(agent, "secret-123").get("/policies").status()).isEqualTo(200);
	}

	private String user(String role) {
		String username = "p" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin().post("/users", Map.of("username", username, "password", "secret-123", "displayName", "测试",
				"roles", List.of(role))).status()).isEqualTo(201);
		return username;
	}
}
