package com.kcm.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
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

import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.io.TabularFile;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/**
 * An administrator keeps the calendar: days set and removed by the API (Appendix A) or a CSV import, each
 * change audited and in force for the very next deadline. Uses 2031, a year no other test looks at, and
 * removes what it set.
 */
@KcmTest
class CalendarDaysAreKeptByAdministratorsTests {

	@LocalServerPort
	int port;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	CalendarAdministration administration;

	@Autowired
	JdbcClient jdbc;

	private Api admin() {
		return new Api(port).as("admin", "admin-test-pass");
	}

	@AfterEach
	void removeTheDaysOf2031() {
		admin().post("/calendar/days", List.of(
				Map.of("date", "2031-03-05", "kind", "WORKDAY"), Map.of("date", "2031-03-06", "kind", "WORKDAY"),
				Map.of("date", "2031-03-08", "kind", "WORKDAY"), Map.of("date", "2031-03-09", "kind", "WORKDAY")));
	}

	private static Instant at(String local) {
		return OffsetDateTime.parse(local + "+08:00").toInstant();
	}

	@Test
	void aHolidaySetByTheApiMovesTheNextDeadlineAndWorkdayRemovesItAgain() {
		// Mon 2031-03-03 10:00 + 2 days = Wed 03-05
		assertThat(calendar.dayLimitDeadline(at("2031-03-03T10:00:00"), 2).local()).isEqualTo("2031-03-05T16:30");

		Api.Answer a = admin().post("/calendar/days", List.of(Map.of("date", "2031-03-05", "kind", "HOLIDAY", "name", "测试假日")));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		assertThat(calendar.isWorkingDay(LocalDate.parse("2031-03-05"))).isFalse();
		assertThat(calendar.dayLimitDeadline(at("2031-03-03T10:00:00"), 2).local()).isEqualTo("2031-03-06T16:30");
		assertThat(admin().get("/calendar/days?year=2031").json().get("days").toString()).contains("2031-03-05", "测试假日");

		assertThat(admin().post("/calendar/days", List.of(Map.of("date", "2031-03-05", "kind", "WORKDAY"))).status()).isEqualTo(200);
		assertThat(calendar.isWorkingDay(LocalDate.parse("2031-03-05"))).isTrue();
		assertThat(calendar.dayLimitDeadline(at("2031-03-03T10:00:00"), 2).local()).isEqualTo("2031-03-05T16:30");
	}

	@Test
	void everyChangeIsInTheAuditTrail() {
		admin().post("/calendar/days", List.of(Map.of("date", "2031-03-08", "kind", "MAKEUP_WORKDAY")));
		admin().post("/calendar/days", List.of(Map.of("date", "2031-03-08", "kind", "WORKDAY")));

		List<String> actions = jdbc.sql("select action from audit_entry where entity_type = 'calendar-day' and entity_id = '2031-03-08' order by id")
				.query(String.class).list();
		assertThat(actions).containsSubsequence("CREATE", "DELETE");
		assertThat(jdbc.sql("select actor from audit_entry where entity_type = 'calendar-day' and entity_id = '2031-03-08'")
				.query(String.class).list()).contains("admin");
	}

	@Test
	void aMakeUpDayOnAWeekdayIsRefusedWithItsIndexAndNothingOfTheBatchIsWritten() {
		Api.Answer a = admin().post("/calendar/days", List.of(
				Map.of("date", "2031-03-09", "kind", "MAKEUP_WORKDAY"),
				Map.of("date", "2031-03-06", "kind", "MAKEUP_WORKDAY"),
				Map.of("date", "2031-13-01", "kind", "HOLIDAY"),
				Map.of("date", "2031-03-05", "kind", "VACATION")));

		assertThat(a.status()).isEqualTo(422);
		var errors = a.json().get("errors");
		assertThat(errors.size()).isEqualTo(3);
		assertThat(errors.get(0).get("index").asInt()).isEqualTo(1);
		assertThat(errors.get(0).get("field").asString()).isEqualTo("kind");
		assertThat(errors.get(0).get("message").asString()).contains("2031-03-06");
		assertThat(errors.get(1).get("index").asInt()).isEqualTo(2);
		assertThat(errors.get(1).get("field").asString()).isEqualTo("date");
		assertThat(errors.get(2).get("index").asInt()).isEqualTo(3);
		assertThat(calendar.isWorkingDay(LocalDate.parse("2031-03-09"))).as("the good Sunday item was not written").isFalse();
	}

	@Test
	void onlyAnAdministratorMayChangeTheCalendar() {
		String username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
		admin().post("/users", Map.of("username", username, "password", "secret-123", "displayName", "座席",
				"roles", List.of("CS_AGENT")));
		Api agent = new Api(port).as(username, "secret-123");
		assertThat(agent.post("/calendar/days", List.of(Map.of("date", "2031-03-05", "kind", "HOLIDAY"))).status()).isEqualTo(403);
		assertThat(agent.get("/calendar/days?year=2026").status()).isEqualTo(200);
	}

	@Test
	void aCsvImportWithOneBadRowNamesTheRowAndImportsNothing() {
		String csv = "date,kind,name\n2031-03-05,HOLIDAY,甲\n2031-03-06,MAKEUP_WORKDAY,乙\n";
		assertThatThrownBy(() -> administration.importFile("days.csv", new ByteArrayInputStream(TabularFile.utf8(csv))))
				.isInstanceOfSatisfying(ValidationException.class, e -> {
					assertThat(e.violations()).hasSize(1);
					assertThat(e.violations().get(0).index()).isEqualTo(3);
					assertThat(e.violations().get(0).field()).isEqualTo("kind");
				});
		assertThat(calendar.isWorkingDay(LocalDate.parse("2031-03-05"))).isTrue();
	}

	@Test
	void aGoodCsvImportSetsEveryRow() {
		String csv = "date,kind,name\n2031-03-05,HOLIDAY,甲\n2031-03-08,MAKEUP_WORKDAY,乙\n2031-03-06,休\n";
		int n = administration.importFile("days.csv", new ByteArrayInputStream(TabularFile.utf8(csv)));

		assertThat(n).isEqualTo(3);
		assertThat(calendar.isWorkingDay(LocalDate.parse("2031-03-05"))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2031-03-06"))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2031-03-08"))).isTrue();
	}

	@Test
	void theDeadlineEndpointAnswersWithTheBusinessDateAndWhetherItIsProvisional() {
		var d = admin().get("/calendar/deadline?start=2026-09-29T11:00:00%2B08:00&rule=DAY_LIMIT&n=3").json();
		assertThat(d.get("at").asString()).isEqualTo("2026-10-08T16:30+08:00");
		assertThat(d.get("businessDate").asString()).isEqualTo("2026-09-29");
		assertThat(d.get("provisional").asBoolean()).isFalse();
	}
}
