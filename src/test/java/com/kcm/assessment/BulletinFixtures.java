package com.kcm.assessment;

import static com.kcm.assessment.AprilIndicatorsByHandTests.callback;
import static com.kcm.assessment.AprilIndicatorsByHandTests.disp;
import static com.kcm.assessment.AprilIndicatorsByHandTests.ev;
import static com.kcm.assessment.AprilIndicatorsByHandTests.forceClosed;
import static com.kcm.assessment.AprilIndicatorsByHandTests.history;
import static com.kcm.assessment.AprilIndicatorsByHandTests.reg;
import static com.kcm.assessment.AprilIndicatorsByHandTests.reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;

/**
 * June 2026 built by hand through the history import, for the bulletin and the dashboard. Region one holds
 * eight dealers whose June figures (cut-off 2026-07-15 16:30) are, with the ranking SPEC §5.4 gives them:
 *
 * <pre>
 * dealer  complaints unreachable monthly first-time satisfaction counted/limit  rank
 * B (3S)      1          0        1.0      1.0        1.0          1/1         1
 * C           1          0        1.0      1.0        1.0          1/1         1  (tied with B, listed by code)
 * E           1          0        1.0      1.0        0.0          1/1         3
 * A           2          0        1.0      0.5        1.0          2/1         4  (penalty 1,500 approved)
 * H           1          0        1.0      null       0.0          0/1         5  (force-closed, category OTHER)
 * D           2          0        0.5      1.0        0.5          2/1         6
 * F           0          0        null     null       null         0/1         7
 * G           1          1        null     null       null         1/1         8  (closed unreachable)
 * </pre>
 *
 * Region two holds one dealer X with one complaint closed satisfied. No service visits: every limit is 1.
 */
final class BulletinFixtures {

	final String prefix = "T" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
	final String region1 = prefix + "R1";
	final String region2 = prefix + "R2";
	final String regionName1 = "通报一区" + prefix;
	final String regionName2 = "通报二区" + prefix;

	String code(char letter) {
		return prefix + letter;
	}

	static String name(char letter) {
		return "通报" + letter + "汽车销售服务有限公司";
	}

	void build(int port, DealerNetwork network) {
		network.createRegion(new RegionCommand(region1, regionName1));
		network.createRegion(new RegionCommand(region2, regionName2));
		for (char c : "ABCDEFGH".toCharArray()) {
			network.createDealer(new DealerCommand(code(c), name(c), c == 'B' ? "3S" : "4S", region1, "ACTIVE",
					"2020-01-01", 3, null, null));
		}
		network.createDealer(new DealerCommand(code('X'), name('X'), "4S", region2, "ACTIVE", "2020-01-01", 3, null,
				null));

		List<Map<String, Object>> h = new ArrayList<>();
		h.add(closedSatisfied('A', "06-02"));
		h.add(history("HOTLINE_400", "SERVICE_PROCESS", reg("06-03T08:00"), disp("06-03T09:00", code('A')),
				reply("06-03T10:00", "06-03T09:30", true), ev("CLOSURE_REQUESTED", "06-04T09:00"),
				callback("06-04T10:00", true, false, false, false), reply("06-05T10:00", null, true),
				ev("CLOSURE_REQUESTED", "06-05T11:00"), callback("06-08T10:00", true, true, true, false)));
		h.add(closedSatisfied('B', "06-02"));
		h.add(closedSatisfied('C', "06-09"));
		h.add(closedSatisfied('D', "06-10"));
		h.add(history("HOTLINE_400", "SERVICE_PROCESS", reg("06-11T09:00"), disp("06-11T10:00", code('D')),
				reply("06-11T12:00", "06-11T11:00", false)));
		h.add(history("HOTLINE_400", "SERVICE_PROCESS", reg("06-15T09:00"), disp("06-15T10:00", code('E')),
				reply("06-15T12:00", "06-15T11:00", true), ev("CLOSURE_REQUESTED", "06-16T09:00"),
				callback("06-16T14:00", true, true, false, false)));
		h.add(history("HOTLINE_400", "SERVICE_PROCESS", reg("06-16T09:00"), disp("06-16T10:00", code('G')),
				reply("06-16T12:00", "06-16T11:00", true), ev("CLOSURE_REQUESTED", "06-17T09:00"),
				callback("06-17T10:00", false, null, null, null), callback("06-17T15:00", false, null, null, null),
				callback("06-18T10:00", false, null, null, null), ev("CLOSED_UNREACHABLE", "06-18T11:00")));
		h.add(history("HOTLINE_400", "OTHER", reg("06-17T09:00"), disp("06-17T10:00", code('H')),
				reply("06-17T11:00", "06-17T10:30", false), forceClosed("06-25T10:00")));
		h.add(closedSatisfied('X', "06-18"));

		Api admin = new Api(port).as("admin", "admin-test-pass");
		Api.Answer imported = admin.post("/imports/complaint-history", h);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);

		Api specialist = new Api(port).as(Api.createUser(port, "bs", "AFTER_SALES", null), "secret-123");
		Api manager = new Api(port).as(Api.createUser(port, "bm", "AFTER_SALES_MANAGER", null), "secret-123");
		long penalty = specialist.post("/penalties", Map.of("dealerCode", code('A'), "month", "2026-06", "amount", 1500,
				"reason", "负面舆情处置不力")).json().get("id").asLong();
		assertThat(manager.post("/penalties/" + penalty + "/approve", Map.of()).status()).isEqualTo(200);
		Api.Answer computed = specialist.post("/assessments/2026-06/compute", Map.of());
		assertThat(computed.status()).as(computed.body()).isEqualTo(200);
	}

	private Map<String, Object> closedSatisfied(char dealer, String day) {
		return history("HOTLINE_400", "SERVICE_PROCESS", reg(day + "T09:00"), disp(day + "T10:00", code(dealer)),
				reply(day + "T15:00", day + "T11:00", true), ev("CLOSURE_REQUESTED", day + "T16:00"),
				callback(day + "T17:00", true, true, true, false));
	}

	/** A user with one role bound to a region, through the API as the administrator; returns the name. */
	static String regionalUser(int port, String regionCode) {
		String username = "rg" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", "secret-123");
		body.put("displayName", "大区经理");
		body.put("roles", List.of("REGIONAL"));
		body.put("regionCode", regionCode);
		Api.Answer a = new Api(port).as("admin", "admin-test-pass").post("/users", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return username;
	}

	/** A binary download through the API as the user: status, content type and bytes. */
	record Download(int status, String contentType, byte[] body) {
	}

	static Download download(int port, String username, String path) {
		String token = new Api(port).post("/auth/token", Map.of("username", username, "password", "secret-123")).json()
				.get("token").asString();
		try {
			HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
					.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
		} catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
