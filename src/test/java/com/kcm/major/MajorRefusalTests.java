package com.kcm.major;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.assessment.Penalties;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.DealerStatus;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/** What the major-complaint calls refuse: wrong roles, other dealers and regions, penalties out of the rules. */
@KcmTest
class MajorRefusalTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	DealerCatalog dealers;

	@Autowired
	Penalties penalties;

	@Autowired
	MutableClock clock;

	MajorFixtures f;

	@BeforeEach
	void setUp() {
		f = new MajorFixtures(port, network, clock);
		f.at("2026-11-02T10:00:00+08:00");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aPenaltyOutsideOneToTenThousandOrForANewDealerIsRefusedAndAnApprovedOneCountsInTheMonth() {
		long major = f.flagged(f.dispatchedComplaint(f.dealer));
		String path = "/major-complaints/" + major + "/penalties";
		Api.Answer low = f.afterSales.post(path, Map.of("amount", "999.99", "reason", "处理不及时"));
		assertThat(low.status()).isEqualTo(422);
		assertThat(low.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
		assertThat(f.afterSales.post(path, Map.of("amount", "10000.01", "reason", "处理不及时")).status()).isEqualTo(422);
		assertThat(f.afterSales.post(path, Map.of("amount", "5000")).status()).isEqualTo(422);
		assertThat(f.dealerUser.post(path, Map.of("amount", "5000", "reason", "x")).status()).isEqualTo(403);
		assertThat(f.regional.post(path, Map.of("amount", "5000", "reason", "x")).status()).isEqualTo(403);

		Api.Answer ok = f.afterSales.post(path, Map.of("amount", "10000", "reason", "处理不及时导致媒体曝光"));
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);
		long penaltyId = ok.json().get("refId").asLong();
		assertThat(f.manager.post("/penalties/" + penaltyId + "/approve", Map.of()).status()).isEqualTo(200);
		long dealerId = dealers.byCode(f.dealer).orElseThrow().id();
		assertThat(penalties.approvedTotal(dealerId, YearMonth.of(2026, 11))).isEqualByComparingTo("10000.00");

		// accepted 2026-10-01: not three months of operation by the end of November
		long newOnes = f.flagged(f.dispatchedComplaint(f.newDealer));
		Api.Answer tooNew = f.afterSales.post("/major-complaints/" + newOnes + "/penalties",
				Map.of("amount", "2000", "reason", "处理不及时"));
		assertThat(tooNew.status()).isEqualTo(422);
		assertThat(tooNew.json().get("errors").get(0).get("field").asString()).isEqualTo("dealerCode");
		assertThat(f.afterSales.get("/major-complaints/" + newOnes).json().get("consequences").size()).isZero();
	}

	@Test
	void onlyTheManagerChangesTheDealersStarOrStatusAndTheHistoryKeepsTheDate() {
		long major = f.flagged(f.dispatchedComplaint(f.dealer));
		String path = "/major-complaints/" + major + "/dealer-standing";
		Map<String, Object> down = Map.of("kind", "STAR_DOWNGRADE", "starLevel", 2, "effectiveFrom", "2026-12-01",
				"reason", "重大抱怨处理不力");
		assertThat(f.afterSales.post(path, down).status()).isEqualTo(403);
		assertThat(f.manager.post(path, Map.of("kind", "STAR_DOWNGRADE", "starLevel", 5, "effectiveFrom", "2026-12-01",
				"reason", "x")).status()).isEqualTo(422); // not lower than 4
		assertThat(f.manager.post(path, down).status()).isEqualTo(201);
		long dealerId = dealers.byCode(f.dealer).orElseThrow().id();
		assertThat(dealers.starOn(dealerId, LocalDate.of(2026, 11, 30)).getAsInt()).isEqualTo(4);
		assertThat(dealers.starOn(dealerId, LocalDate.of(2026, 12, 1)).getAsInt()).isEqualTo(2);
		assertThat(f.manager.post(path, Map.of("kind", "TERMINATION", "effectiveFrom", "2027-01-01", "reason",
				"撤站")).status()).isEqualTo(201);
		assertThat(dealers.statusOn(dealerId, LocalDate.of(2027, 1, 1))).contains(DealerStatus.TERMINATED);
		assertThat(dealers.statusOn(dealerId, LocalDate.of(2026, 12, 31))).contains(DealerStatus.ACTIVE);
		Api.Answer media = f.afterSales.post("/major-complaints/" + major + "/media-incidents",
				Map.of("at", "2026-11-02T08:00:00+08:00", "description", "微博曝光车辆起火"));
		assertThat(media.status()).as(media.body()).isEqualTo(201);
		assertThat(f.afterSales.get("/major-complaints/" + major).json().get("consequences").size()).isEqualTo(3);
	}

	@Test
	void rolesAndScopesAreEnforcedOnEveryMove() {
		long complaint = f.dispatchedComplaint(f.dealer);
		// a dealer of another region, or the neighbour, cannot even report it
		assertThat(f.foreignUser.post("/complaints/" + complaint + "/major", Map.of("triggers", List.of("FIRE")))
				.status()).isEqualTo(404);
		assertThat(f.neighbourUser.post("/complaints/" + complaint + "/major", Map.of("triggers", List.of("FIRE")))
				.status()).isEqualTo(404);
		assertThat(f.agent.post("/complaints/" + complaint + "/major", Map.of("triggers", List.of("FIRE"))).status())
				.isEqualTo(403);
		Api.Answer unknownTrigger = f.afterSales.post("/complaints/" + complaint + "/major",
				Map.of("triggers", List.of("FIRE", "RAIN")));
		assertThat(unknownTrigger.status()).isEqualTo(422);
		assertThat(unknownTrigger.json().get("errors").get(0).get("field").asString()).isEqualTo("triggers");
		assertThat(unknownTrigger.json().get("errors").get(0).get("message").asString()).contains("RAIN", "FIRE");
		Api.Answer noTrigger = f.afterSales.post("/complaints/" + complaint + "/major", Map.of("triggers", List.of()));
		assertThat(noTrigger.status()).isEqualTo(422);
		assertThat(noTrigger.json().get("errors").get(0).get("field").asString()).isEqualTo("triggers");

		Api.Answer byRegion = f.regional.post("/complaints/" + complaint + "/major",
				Map.of("triggers", List.of("GROUP_COMPLAINT")));
		assertThat(byRegion.status()).as(byRegion.body()).isEqualTo(201);
		long major = byRegion.json().get("id").asLong();
		// not confirmed yet: no dossier work
		assertThat(f.dealerUser.put("/major-complaints/" + major + "/dossier", Map.of("CAUSE", "x")).status())
				.isEqualTo(422);
		assertThat(f.afterSales.post("/complaints/" + complaint + "/major", Map.of("triggers", List.of("FIRE")))
				.status()).isEqualTo(422); // already reported
		assertThat(f.regional.post("/major-complaints/" + major + "/confirm", Map.of()).status()).isEqualTo(403);
		assertThat(f.afterSales.post("/major-complaints/" + major + "/confirm", Map.of()).status()).isEqualTo(200);

		assertThat(f.foreignRegional.get("/major-complaints/" + major).status()).isEqualTo(404);
		assertThat(f.foreignRegional.post("/major-complaints/" + major + "/follow-ups",
				Map.of("kind", "VISIT", "note", "x")).status()).isEqualTo(404);
		assertThat(f.foreignUser.put("/major-complaints/" + major + "/dossier", Map.of("CAUSE", "x")).status())
				.isEqualTo(404);
		assertThat(f.dealerUser.post("/major-complaints/" + major + "/follow-ups", Map.of("kind", "VISIT", "note", "x"))
				.status()).isEqualTo(403);
		Api.Answer unknown = f.dealerUser.put("/major-complaints/" + major + "/dossier", Map.of("SHOE_SIZE", "42"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("SHOE_SIZE");
		Api.Answer kind = f.afterSales.post("/major-complaints/" + major + "/follow-ups",
				Map.of("kind", "PARTY", "note", "x"));
		assertThat(kind.status()).isEqualTo(422);
		assertThat(kind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
		assertThat(kind.json().get("errors").get(0).get("message").asString()).contains("PARTY", "VISIT", "PROGRESS");

		Api.Answer claim = f.dealerUser.post("/major-complaints/" + major + "/special-claims",
				Map.of("amount", "0", "materials", List.of()));
		assertThat(claim.status()).isEqualTo(422);
		assertThat(claim.json().get("errors").size()).isEqualTo(2);
		Api.Answer trip = f.dealerUser.post("/major-complaints/" + major + "/outbound-claims", Map.of("trip", "现场",
				"from", "2026-11-04", "to", "2026-11-03", "travelAmount", "100", "lodgingAmount", "0"));
		assertThat(trip.status()).isEqualTo(422);
		assertThat(trip.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
		long claimId = f.dealerUser.post("/major-complaints/" + major + "/special-claims",
				Map.of("amount", "800", "materials", List.of("OTHER"))).json().get("id").asLong();
		assertThat(f.dealerUser.post("/major-claims/" + claimId + "/approve", Map.of()).status()).isEqualTo(403);
		assertThat(f.manager.post("/major-claims/" + claimId + "/reject", Map.of("note", "材料不全")).status())
				.isEqualTo(200);
		assertThat(f.manager.post("/major-claims/" + claimId + "/approve", Map.of()).status()).isEqualTo(422);

		assertThat(f.regional.get("/major-complaints").json().get("total").asInt()).isEqualTo(1);
		assertThat(f.foreignRegional.get("/major-complaints").json().get("total").asInt()).isZero();
	}
}
