package com.kcm.dealer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

import tools.jackson.databind.JsonNode;

/** SPEC §2 and §5.3 item 6: a dealer's status is dated history; a past day uses the status that held then. */
@KcmTest
@RecordApplicationEvents
class DealerStatusHistoryTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	DealerCatalog catalog;

	@Autowired
	DealerNetwork network;

	DealerFixtures fx;

	@BeforeEach
	void setUp() {
		fx = new DealerFixtures(port);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aSuspensionHoldsFromItsDateAndThePastKeepsTheStatusThatHeldThen() {
		clock.set(Instant.parse("2024-06-01T02:00:00Z"));
		String code = fx.dealer(fx.region(), "ACTIVE", "2024-03-10");
		long id = catalog.byCode(code).orElseThrow().id();

		assertThat(status(code, "SUSPENDED", "2024-05-10").status()).isEqualTo(200);
		Api.Answer back = status(code, "ACTIVE", "2024-05-20");
		assertThat(back.status()).isEqualTo(200);
		assertThat(back.json().get("statusHistory")).hasSize(3);

		assertThat(catalog.statusOn(id, LocalDate.parse("2024-03-09"))).isEmpty();
		assertThat(catalog.statusOn(id, LocalDate.parse("2024-03-10"))).contains(DealerStatus.ACTIVE);
		assertThat(catalog.statusOn(id, LocalDate.parse("2024-05-10"))).contains(DealerStatus.SUSPENDED);
		assertThat(catalog.statusOn(id, LocalDate.parse("2024-05-19"))).contains(DealerStatus.SUSPENDED);
		assertThat(catalog.statusOn(id, LocalDate.parse("2024-05-20"))).contains(DealerStatus.ACTIVE);
		assertThat(catalog.statusesDuring(id, YearMonth.of(2024, 5))).hasSize(31)
				.containsEntry(LocalDate.parse("2024-05-15"), DealerStatus.SUSPENDED);
	}

	@Test
	void daysBeforeTheAcceptedOnDateAndSuspendedDaysAreNotActive() {
		String code = fx.dealer(fx.region(), "ACTIVE", "2024-03-10");
		long id = catalog.byCode(code).orElseThrow().id();
		status(code, "SUSPENDED", "2024-05-10");
		status(code, "ACTIVE", "2024-05-20");

		assertThat(catalog.daysNotActive(id, YearMonth.of(2024, 2))).isEqualTo(29);
		assertThat(catalog.daysNotActive(id, YearMonth.of(2024, 3))).isEqualTo(9);
		assertThat(catalog.daysNotActive(id, YearMonth.of(2024, 4))).isZero();
		assertThat(catalog.daysNotActive(id, YearMonth.of(2024, 5))).isEqualTo(10);
		assertThat(catalog.daysNotActive(YearMonth.of(2024, 5))).containsEntry(id, 10);
	}

	@Test
	void aDealerCreatedTransitionalIsNotActiveUntilItsStatusChanges() {
		String code = fx.dealer(fx.region(), "TRANSITIONAL", "2024-01-01");
		long id = catalog.byCode(code).orElseThrow().id();
		status(code, "ACTIVE", "2024-02-15");
		assertThat(catalog.daysNotActive(id, YearMonth.of(2024, 2))).isEqualTo(14);
		assertThat(catalog.activeOn(LocalDate.parse("2024-02-14"))).extracting(DealerSummary::code).doesNotContain(code);
		assertThat(catalog.activeOn(LocalDate.parse("2024-02-15"))).extracting(DealerSummary::code).contains(code);
	}

	@Test
	void aSecondEntryForTheSameDateReplacesThatDayAndKeepsEarlierEntries() {
		String code = fx.dealer(fx.region(), "ACTIVE", "2023-01-01");
		status(code, "SUSPENDED", "2024-05-10");
		JsonNode d = status(code, "TERMINATED", "2024-05-10").json();
		assertThat(d.get("statusHistory")).hasSize(2);
		assertThat(d.get("statusHistory").get(0).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(d.get("statusHistory").get(1).get("status").asString()).isEqualTo("TERMINATED");
		long id = catalog.byCode(code).orElseThrow().id();
		assertThat(catalog.statusOn(id, LocalDate.parse("2024-05-11"))).contains(DealerStatus.TERMINATED);
	}

	@Test
	void theCurrentStatusIsTheOneInForceTodayAndAFutureEntryTakesOverOnItsDay() {
		clock.set(Instant.parse("2024-06-01T02:00:00Z"));
		String code = fx.dealer(fx.region(), "ACTIVE", "2023-01-01");
		Api.Answer future = status(code, "TERMINATED", "2024-07-01");
		assertThat(future.json().get("status").asString()).isEqualTo("ACTIVE");

		clock.set(Instant.parse("2024-07-01T01:00:00Z"));
		network.refreshToday();
		assertThat(fx.admin.get("/dealers/" + code).json().get("status").asString()).isEqualTo("TERMINATED");
	}

	@Test
	void aStatusBeforeTheAcceptedOnDateIsRefusedNamingTheDate() {
		String code = fx.dealer(fx.region(), "ACTIVE", "2024-03-10");
		Api.Answer a = status(code, "SUSPENDED", "2024-03-09");
		assertThat(a.status()).isEqualTo(422);
		assertThat(DealerApiTests.fields(a)).containsExactly("effectiveFrom");
		Api.Answer bad = fx.admin.post("/dealers/" + code + "/status", Map.of("status", "CLOSED", "effectiveFrom", "10.5.2024"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(DealerApiTests.fields(bad)).containsExactlyInAnyOrder("status", "effectiveFrom");
	}

	@Test
	void aStatusChangeIsPublishedAsAnEvent(ApplicationEvents events) {
		String code = fx.dealer(fx.region(), "ACTIVE", "2023-01-01");
		network.changeStatus(code, new StatusChange("SUSPENDED", "2024-05-10", "整改"));
		assertThat(events.stream(DealerStatusChanged.class).filter(e -> e.dealerCode().equals(code)))
				.singleElement()
				.satisfies(e -> {
					assertThat(e.previous()).isEqualTo(DealerStatus.ACTIVE);
					assertThat(e.status()).isEqualTo(DealerStatus.SUSPENDED);
					assertThat(e.effectiveFrom()).isEqualTo(LocalDate.parse("2024-05-10"));
				});
	}

	@Test
	void theStarLevelIsDatedToo() {
		String code = fx.dealer(fx.region(), "ACTIVE", "2023-01-01", Map.of("starLevel", 3));
		long id = catalog.byCode(code).orElseThrow().id();
		fx.admin.post("/dealers/" + code + "/star", Map.of("starLevel", 5, "effectiveFrom", "2024-01-01"));
		assertThat(catalog.starOn(id, LocalDate.parse("2022-12-31"))).isEmpty();
		assertThat(catalog.starOn(id, LocalDate.parse("2023-12-31"))).hasValue(3);
		assertThat(catalog.starOn(id, LocalDate.parse("2024-01-01"))).hasValue(5);
	}

	private Api.Answer status(String code, String status, String from) {
		Api.Answer a = fx.admin.post("/dealers/" + code + "/status", Map.of("status", status, "effectiveFrom", from));
		return a;
	}
}
