package com.kcm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;

/** Unique regions, dealers with contact data, users and complaints for the notification tests. */
final class NotificationFixtures {

	private final int port;
	private final DealerNetwork network;

	NotificationFixtures(int port, DealerNetwork network) {
		this.port = port;
		this.network = network;
	}

	static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	static String mobile() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	static String email(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@kcm-test.example";
	}

	String region() {
		String region = code("R");
		network.createRegion(new RegionCommand(region, "通知测试大区" + region));
		return region;
	}

	String dealer(String region, String name, String contactPhone, String contactEmail) {
		String code = code("N");
		network.createDealer(new DealerCommand(code, name, "4S", region, "ACTIVE", "2020-01-01", 3, contactPhone,
				contactEmail));
		return code;
	}

	Api user(String role, String dealerCode, String regionCode, String email) {
		String username = "n" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>(Map.of("username", username, "password", "secret-123",
				"displayName", "通知测试" + role, "roles", List.of(role)));
		if (dealerCode != null) {
			body.put("dealerCode", dealerCode);
		}
		if (regionCode != null) {
			body.put("regionCode", regionCode);
		}
		if (email != null) {
			body.put("email", email);
		}
		Api.Answer created = new Api(port).as("admin", "admin-test-pass").post("/users", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Api(port).as(username, "secret-123");
	}

	/** A hotline complaint of 王先生 with a fresh phone, registered by the agent; its id. */
	long complaint(Api agent, String customerPhone) {
		Api.Answer created = agent.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400",
				"description", "刹车异响", "customer", Map.of("name", "王先生", "phone", customerPhone)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** Dispatches the complaint to the dealer; the work order's id. */
	long dispatch(Api specialist, long complaintId, String dealerCode) {
		Api.Answer wo = specialist.post("/complaints/" + complaintId + "/dispatch",
				Map.of("dealerCode", dealerCode, "category", "SERVICE_PROCESS", "suggestion", "请当天联系客户"));
		assertThat(wo.status()).as(wo.body()).isEqualTo(200);
		return wo.json().get("id").asLong();
	}
}
