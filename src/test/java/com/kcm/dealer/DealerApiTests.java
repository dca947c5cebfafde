package com.kcm.dealer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;

/** The dealer calls of SPEC Appendix A: status codes, shapes and errors that name the field. */
@KcmTest
class DealerApiTests {

	@LocalServerPort
	int port;

	DealerFixtures fx;

	@BeforeEach
	void setUp() {
		fx = new DealerFixtures(port);
	}

	@Test
	void anAdministratorCreatesARegionAndADealerAndReadsItBackWithItsHistory() {
		String region = fx.region();
		String code = DealerFixtures.unique("D");
		Api.Answer created = fx.admin.post("/dealers", Map.of("code", code, "name", "北京中联汽车销售服务有限公司", "type", "4S",
				"regionCode", region, "status", "ACTIVE", "acceptedOn", "2024-03-15", "starLevel", 4, "contactPhone",
				"010-88886666", "contactEmail", "service@example.cn"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		JsonNode d = fx.admin.get("/dealers/" + code).json();
		assertThat(d.get("code").asString()).isEqualTo(code);
		assertThat(d.get("type").asString()).isEqualTo("4S");
		assertThat(d.get("regionCode").asString()).isEqualTo(region);
		assertThat(d.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(d.get("starLevel").asInt()).isEqualTo(4);
		assertThat(d.get("acceptedOn").asString()).isEqualTo("2024-03-15");
		assertThat(d.get("statusHistory")).hasSize(1);
		assertThat(d.get("statusHistory").get(0).get("effectiveFrom").asString()).isEqualTo("2024-03-15");
		assertThat(d.get("starHistory").get(0).get("starLevel").asInt()).isEqualTo(4);

		assertThat(fx.admin.get("/regions").json().findValuesAsString("code")).contains(region);
	}

	@Test
	void theDealerListIsPagedAndFiltered() {
		String region = fx.region();
		fx.dealer(region, "ACTIVE", "2023-01-01");
		fx.dealer(region, "SUSPENDED", "2023-01-01");
		String third = fx.dealer(region, "ACTIVE", "2023-01-01", Map.of("type", "3S"));

		JsonNode page = fx.admin.get("/dealers?regionCode=" + region + "&size=2").json();
		assertThat(page.get("total").asLong()).isEqualTo(3);
		assertThat(page.get("size").asInt()).isEqualTo(2);
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("items")).hasSize(2);

		JsonNode threeS = fx.admin.get("/dealers?regionCode=" + region + "&type=3S&status=ACTIVE").json();
		assertThat(threeS.get("items")).hasSize(1);
		assertThat(threeS.get("items").get(0).get("code").asString()).isEqualTo(third);
		assertThat(fx.admin.get("/dealers?q=" + third.toLowerCase()).json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void aDuplicateCodeIsRefusedNamingTheCode() {
		String region = fx.region();
		String code = fx.dealer(region, "ACTIVE", "2023-01-01");
		Api.Answer again = fx.admin.post("/dealers", Map.of("code", code, "name", "重复", "type", "3S", "regionCode",
				region, "status", "ACTIVE", "acceptedOn", "2023-01-01"));
		assertThat(again.status()).isEqualTo(422);
		assertThat(fields(again)).containsExactly("code");

		Api.Answer regionAgain = fx.admin.post("/regions", Map.of("code", region, "name", "重复"));
		assertThat(regionAgain.status()).isEqualTo(422);
		assertThat(fields(regionAgain)).containsExactly("code");
	}

	@Test
	void anUnknownRegionIsRefusedNamingTheRegionCode() {
		Api.Answer a = fx.admin.post("/dealers", Map.of("code", DealerFixtures.unique("D"), "name", "无大区", "type", "4S",
				"regionCode", "NOPE" + DealerFixtures.unique(""), "status", "ACTIVE", "acceptedOn", "2023-01-01"));
		assertThat(a.status()).isEqualTo(422);
		assertThat(fields(a)).containsExactly("regionCode");
	}

	@Test
	void everyBadValueIsNamedAndNothingIsCreated() {
		String region = fx.region();
		String code = "bad-code!";
		Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", " ", "type", "5S", "regionCode", region,
				"status", "OPEN", "acceptedOn", "2023/01/01", "starLevel", 6, "contactEmail", "not-an-email"));
		Api.Answer a = fx.admin.post("/dealers", body);
		assertThat(a.status()).isEqualTo(422);
		assertThat(fields(a)).containsExactlyInAnyOrder("code", "name", "type", "status", "acceptedOn", "starLevel",
				"contactEmail");
		assertThat(fx.admin.get("/dealers?regionCode=" + region).json().get("total").asLong()).isZero();
	}

	@Test
	void anAdministratorEditsDetailsAndRecordsAStarLevelFromADate() {
		String region = fx.region();
		String other = fx.region();
		String code = fx.dealer(region, "ACTIVE", "2022-05-01", Map.of("starLevel", 2));
		Api.Answer edited = fx.put("/dealers/" + code, Map.of("name", "改名后的服务商", "type", "3S", "regionCode", other,
				"acceptedOn", "2022-04-01", "contactPhone", "021-66668888"));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		JsonNode d = edited.json();
		assertThat(d.get("name").asString()).isEqualTo("改名后的服务商");
		assertThat(d.get("type").asString()).isEqualTo("3S");
		assertThat(d.get("regionCode").asString()).isEqualTo(other);
		assertThat(d.get("statusHistory").get(0).get("effectiveFrom").asString()).isEqualTo("2022-04-01");

		Api.Answer star = fx.admin.post("/dealers/" + code + "/star",
				Map.of("starLevel", 5, "effectiveFrom", "2023-01-01", "reason", "年度评定"));
		assertThat(star.status()).as(star.body()).isEqualTo(200);
		assertThat(star.json().get("starLevel").asInt()).isEqualTo(5);
		assertThat(star.json().get("starHistory")).hasSize(2);

		Api.Answer tooHigh = fx.admin.post("/dealers/" + code + "/star", Map.of("starLevel", 9, "effectiveFrom", "2023-01-01"));
		assertThat(tooHigh.status()).isEqualTo(422);
		assertThat(fields(tooHigh)).containsExactly("starLevel");
	}

	@Test
	void onlyAnAdministratorChangesTheNetworkButAfterSalesMayRead() {
		String region = fx.region();
		String code = fx.dealer(region, "ACTIVE", "2023-01-01");
		Api afterSales = fx.as(fx.user("AFTER_SALES", null, null));
		assertThat(afterSales.get("/dealers/" + code).status()).isEqualTo(200);
		assertThat(afterSales.post("/dealers/" + code + "/status", Map.of("status", "SUSPENDED", "effectiveFrom",
				"2024-01-01")).status()).isEqualTo(403);
		assertThat(afterSales.post("/regions", Map.of("code", DealerFixtures.unique("R"), "name", "x")).status())
				.isEqualTo(403);
		assertThat(new Api(port).get("/dealers").status()).isEqualTo(401);
	}

	@Test
	void anUnknownDealerIs404() {
		assertThat(fx.admin.get("/dealers/" + DealerFixtures.unique("X")).status()).isEqualTo(404);
	}

	static List<String> fields(Api.Answer a) {
		return a.json().get("errors").findValuesAsString("field");
	}
}
