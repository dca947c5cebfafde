package com.kcm.assessment;

import static com.kcm.assessment.AprilIndicatorsByHandTests.callback;
import static com.kcm.assessment.AprilIndicatorsByHandTests.disp;
import static com.kcm.assessment.AprilIndicatorsByHandTests.ev;
import static com.kcm.assessment.AprilIndicatorsByHandTests.history;
import static com.kcm.assessment.AprilIndicatorsByHandTests.reg;
import static com.kcm.assessment.AprilIndicatorsByHandTests.reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.dealer.StatusChange;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;

/**
 * Computing a month for all dealers at once (bulk lookups) gives what the per-dealer computation gives,
 * including the §5.2 exception of a terminated dealer whose region has no other active dealer.
 */
@KcmTest
class BulkComputationTests {

	static final YearMonth AUGUST = YearMonth.of(2026, 8);

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	DealerCatalog dealers;

	@Autowired
	Assessments assessments;

	static String code(String p) {
		return p + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	String dealer(String region) {
		String c = code("K");
		network.createDealer(new DealerCommand(c, "批量服务商", "4S", region, "ACTIVE", "2020-01-01", 3, null, null));
		return c;
	}

	@Test
	void aTerminatedDealerAloneInItsRegionCountsAgainstNoOneAndBulkEqualsSingle() {
		String lonely = code("R");
		String crowded = code("R");
		network.createRegion(new RegionCommand(lonely, "孤立大区"));
		network.createRegion(new RegionCommand(crowded, "正常大区"));
		String t = dealer(lonely);
		String u = dealer(lonely);
		String v = dealer(crowded);
		String w = dealer(crowded);
		network.changeStatus(t, new StatusChange("TERMINATED", "2026-08-20", "退网"));
		network.changeStatus(u, new StatusChange("SUSPENDED", "2026-08-01", "整改"));
		network.changeStatus(v, new StatusChange("TERMINATED", "2026-08-20", "退网"));
		Api admin = new Api(port).as("admin", "admin-test-pass");
		List<Map<String, Object>> h = List.of(
				history("HOTLINE_400", "SERVICE_PROCESS", reg("08-05T09:00"), disp("08-05T10:00", t),
						reply("08-05T12:00", "08-05T11:00", true), ev("CLOSURE_REQUESTED", "08-06T09:00"),
						callback("08-06T10:00", true, true, true, false)),
				history("HOTLINE_400", "PRODUCT_QUALITY", reg("08-05T09:00"), disp("08-05T10:00", v),
						reply("08-06T12:00", "08-05T11:00", false)),
				history("HOTLINE_400", "SERVICE_PROCESS", reg("08-07T09:00"), disp("08-07T10:00", w),
						reply("08-07T12:00", null, false)));
		Api.Answer imported = admin.post("/imports/complaint-history", h);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		Api specialist = new Api(port).as(Api.createUser(port, "bk", "AFTER_SALES", null), "secret-123");
		assertThat(specialist.post("/assessments/2026-08/compute", Map.of()).status()).isEqualTo(200);

		JsonNode at = specialist.get("/assessments/2026-08/dealers/" + t).json();
		assertThat(at.get("complaints").asInt()).isEqualTo(1);
		assertThat(at.get("countedTowardLimit").asInt()).as("terminated on 08-31, no other dealer of its region active")
				.isZero();
		assertThat(at.get("monthlyClosureRate").decimalValue()).isEqualByComparingTo("1");
		assertThat(specialist.get("/assessments/2026-08/dealers/" + v).json().get("countedTowardLimit").asInt())
				.as("terminated, but another dealer of the region is active").isEqualTo(1);
		JsonNode aw = specialist.get("/assessments/2026-08/dealers/" + w).json();
		assertThat(aw.get("countedTowardLimit").asInt()).isEqualTo(1);
		assertThat(aw.get("replyTimelinessRate").decimalValue()).isEqualByComparingTo("1");
		assertThat(aw.get("contact24hRate").decimalValue()).as("no contact stated").isEqualByComparingTo("0");

		Instant cutoff = assessments.defaultCutoff(AUGUST);
		Map<Long, MonthlyIndicators> bulk = new java.util.HashMap<>();
		assessments.all(AUGUST, cutoff).forEach(m -> bulk.put(m.dealerId(), m));
		for (String c : List.of(t, u, v, w)) {
			long id = dealers.byCode(c).orElseThrow().id();
			assertThat(bulk.get(id)).as(c).isEqualTo(assessments.indicators(id, AUGUST, cutoff));
		}
	}
}
