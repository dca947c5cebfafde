package com.kcm.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;

import com.kcm.shared.web.HomeTile;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/**
 * Missing data is loud: from 1 December a missing schedule for the next year shows on the administrator's
 * home page and in the health endpoint. The far years 2032–2033 are never published by any test.
 */
@KcmTest
class CalendarWarnsWhenAScheduleIsMissingTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	CalendarAdministration administration;

	@Autowired
	CalendarHomeTiles tiles;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void reset() {
		clock.reset();
	}

	private static Instant at(String local) {
		return OffsetDateTime.parse(local + "+08:00").toInstant();
	}

	private String health() throws Exception {
		HttpResponse<String> r = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(200);
		return r.body();
	}

	@Test
	void inJuneOfAPublishedYearNothingIsMissing() throws Exception {
		clock.set(at("2026-06-01T09:00:00"));
		assertThat(calendar.missingYears()).isEmpty();
		assertThat(tiles.tiles(new TestingAuthenticationToken("admin", "x", "ROLE_ADMIN"))).isEmpty();
		assertThat(health()).doesNotContain("WARNING");
	}

	@Test
	void fromTheFirstOfDecemberAMissingNextYearIsLoud() throws Exception {
		clock.set(at("2032-11-30T23:59:59"));
		assertThat(calendar.missingYears()).containsExactly(2032);

		clock.set(at("2032-12-01T00:00:00"));
		assertThat(calendar.missingYears()).containsExactly(2032, 2033);
		List<HomeTile> shown = tiles.tiles(new TestingAuthenticationToken("admin", "x", "ROLE_ADMIN"));
		assertThat(shown).extracting(HomeTile::value).containsExactly("2032", "2033");
		assertThat(shown.get(0).style()).contains("warning");
		assertThat(shown.get(1).link()).isEqualTo("/admin/calendar?year=2033");
		assertThat(tiles.tiles(new TestingAuthenticationToken("agent", "x", "ROLE_CS_AGENT"))).isEmpty();
		assertThat(health()).contains("WARNING");
	}

	@Test
	void aDeadlineRunningIntoAYearWithoutScheduleIsProvisionalUntilTheYearIsPublished() {
		boolean existed = jdbc.sql("select count(*) from calendar_year where year_no = 2031").query(Integer.class).single() > 0;
		try {
			administration.publish(2031, true);
			assertThat(calendar.dayLimitDeadline(at("2031-06-02T10:00:00"), 3).provisional()).isFalse();
			Deadline overNewYear = calendar.dayLimitDeadline(at("2031-12-29T10:00:00"), 5);
			assertThat(overNewYear.local()).isEqualTo("2032-01-05T16:30");
			assertThat(overNewYear.provisional()).isTrue();
		} finally {
			administration.publish(2031, false);
			if (!existed) {
				jdbc.sql("delete from calendar_year where year_no = 2031").update();
				calendar.refresh();
			}
		}
		assertThat(calendar.dayLimitDeadline(at("2031-06-02T10:00:00"), 3).provisional()).isTrue();
	}
}
