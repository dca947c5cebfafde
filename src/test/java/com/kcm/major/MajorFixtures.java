package com.kcm.major;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;
import com.kcm.support.MutableClock;
import com.kcm.support.TestImages;

/** A region with two dealers, a dealer in another region, the users of every role, and a dispatched complaint. */
final class MajorFixtures {

	final int port;
	final MutableClock clock;
	final String region = code("R");
	final String otherRegion = code("Q");
	final String dealer = code("M");
	final String neighbour = code("N");
	final String foreign = code("F");
	final String newDealer = code("Y");
	Api agent;
	Api afterSales;
	Api manager;
	Api dealerUser;
	Api neighbourUser;
	Api foreignUser;
	Api regional;
	Api foreignRegional;
	String dealerUsername;
	String regionalUsername;
	String foreignUsername;

	MajorFixtures(int port, DealerNetwork network, MutableClock clock) {
		this.port = port;
		this.clock = clock;
		network.createRegion(new RegionCommand(region, "重大测试大区"));
		network.createRegion(new RegionCommand(otherRegion, "另一大区"));
		network.createDealer(new DealerCommand(dealer, "甲服务商", "4S", region, "ACTIVE", "2020-01-01", 4, null, null));
		network.createDealer(new DealerCommand(neighbour, "乙服务商", "4S", region, "ACTIVE", "2020-01-01", 3, null, null));
		network.createDealer(new DealerCommand(foreign, "丙服务商", "3S", otherRegion, "ACTIVE", "2020-01-01", 3, null, null));
		network.createDealer(new DealerCommand(newDealer, "新服务商", "3S", region, "ACTIVE", "2026-10-01", 3, null, null));
		agent = user("CS_AGENT", null);
		afterSales = user("AFTER_SALES", null);
		manager = user("AFTER_SALES_MANAGER", null);
		dealerUsername = Api.createUser(port, "md", "DEALER", dealer);
		dealerUser = new Api(port).as(dealerUsername, "secret-123");
		neighbourUser = user("DEALER", neighbour);
		foreignUsername = Api.createUser(port, "mf", "DEALER", foreign);
		foreignUser = new Api(port).as(foreignUsername, "secret-123");
		regionalUsername = regionalUser(region);
		regional = new Api(port).as(regionalUsername, "secret-123");
		foreignRegional = new Api(port).as(regionalUser(otherRegion), "secret-123");
	}

	int anonymousGet(String path) {
		return new Api(port).getBytes(path).status();
	}

	static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	Api user(String role, String dealerCode) {
		return new Api(port).as(Api.createUser(port, "m", role, dealerCode), "secret-123");
	}

	String regionalUser(String regionCode) {
		String username = "mr" + UUID.randomUUID().toString().substring(0, 8);
		Api.Answer a = new Api(port).as("admin", "admin-test-pass").post("/users", Map.of("username", username,
				"password", "secret-123", "displayName", "大区经理", "roles", List.of("REGIONAL"), "regionCode", regionCode));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return username;
	}

	void at(String isoWithOffset) {
		clock.set(OffsetDateTime.parse(isoWithOffset).toInstant());
	}

	/** A hotline complaint of customer 张伟 dispatched to {@code dealerCode}; answers its id. */
	long dispatchedComplaint(String dealerCode) {
		String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		Api.Answer created = agent.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400",
				"description", "车辆行驶中起火", "customer", Map.of("name", "张伟", "phone", phone)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		Api.Answer d = afterSales.post("/complaints/" + id + "/dispatch",
				Map.of("dealerCode", dealerCode, "category", "PRODUCT_QUALITY", "suggestion", "立即联系客户"));
		assertThat(d.status()).as(d.body()).isEqualTo(200);
		return id;
	}

	/** Flags the complaint as major by after-sales; answers the major complaint's id. */
	long flagged(long complaintId) {
		Api.Answer a = afterSales.post("/complaints/" + complaintId + "/major",
				Map.of("triggers", List.of("FIRE"), "note", "车辆自燃"));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json().get("id").asLong();
	}

	static Map<String, String> fullDossier() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("VEHICLE_PLATE", "京A12345");
		m.put("VEHICLE_VIN", "LSVAU2180N2183888");
		m.put("VEHICLE_MAINTENANCE", "按期保养，2026年9月更换机油");
		m.put("VEHICLE_MODIFICATIONS", "无改装");
		m.put("VEHICLE_INSURANCE", "交强险+商业险");
		m.put("CUSTOMER_NAME", "张伟");
		m.put("CUSTOMER_CONTACT", "13912345678");
		m.put("CUSTOMER_OCCUPATION", "教师");
		m.put("CUSTOMER_RELATIONS", "当地人大代表的亲属");
		m.put("CUSTOMER_ACCOUNT", "高速行驶中仪表报警后冒烟起火");
		m.put("CUSTOMER_DEMANDS", "要求换车并赔偿损失");
		m.put("FINDINGS", "消防认定：起火点位于发动机舱");
		m.put("CAUSE", "线束磨损短路");
		m.put("PLAN", "协商置换新车");
		return m;
	}

	/** A small JPEG of the given colour. */
	static byte[] jpeg(Color color) {
		return image(color, "jpeg", 64, 48);
	}

	static byte[] png(int width, int height) {
		return image(Color.DARK_GRAY, "png", width, height);
	}

	static byte[] image(Color color, String format, int width, int height) {
		return TestImages.image(color, format, width, height);
	}

	/** The JPEG with an EXIF GPS segment carrying the text {@code KCM-GPS-MARKER}. */
	static byte[] withExifGps(byte[] jpeg) {
		return TestImages.withExifGps(jpeg);
	}

	static boolean contains(byte[] haystack, String needle) {
		return TestImages.contains(haystack, needle);
	}
}
