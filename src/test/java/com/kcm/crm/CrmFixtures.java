package com.kcm.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.dealer.RegionSummary;
import com.kcm.support.Api;

import tools.jackson.databind.JsonNode;

/** Customers, vehicles and users for the crm tests, made through the API as an outside client would. */
final class CrmFixtures {

	private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	private final int port;
	final Api admin;

	CrmFixtures(int port) {
		this.port = port;
		this.admin = new Api(port).as("admin", "admin-test-pass");
	}

	static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	static String phone() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		return "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextLong(1_000_000_000L));
	}

	static String vin() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		StringBuilder sb = new StringBuilder("LSV");
		while (sb.length() < 17) {
			sb.append(VIN_CHARS.charAt(r.nextInt(VIN_CHARS.length())));
		}
		return sb.toString();
	}

	/** A new dealer (in a new region); answers its code. */
	static String dealer(DealerNetwork network) {
		RegionSummary region = network.createRegion(new RegionCommand(code("R"), "测试大区"));
		return network.createDealer(new DealerCommand(code("T"), "测试服务商", "4S", region.code(), "ACTIVE",
				"2020-01-01", 3, null, null)).code();
	}

	/** {@code POST /customers} as A.3 shows it; answers the id. */
	long customer(String kind, Boolean keyAccount, Long managerId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "客户" + UUID.randomUUID().toString().substring(0, 8));
		body.put("phone", phone());
		body.put("kind", kind);
		if (keyAccount != null) {
			body.put("keyAccount", keyAccount);
		}
		if (managerId != null) {
			body.put("accountManagerUserId", managerId);
		}
		Api.Answer a = admin.post("/customers", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json().get("id").asLong();
	}

	long vehicle(long ownerId, String dealerCode) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("vin", vin());
		m.put("model", "KCM S7");
		m.put("purchaseDate", "2024-05-01");
		m.put("sellingDealerCode", dealerCode);
		m.put("ownerId", ownerId);
		Api.Answer a = admin.post("/vehicles", m);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json().get("id").asLong();
	}

	/** A user with these roles (password secret-123); answers its name. */
	String user(List<String> roles, String dealerCode, String email) {
		String username = "c" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", "secret-123");
		body.put("displayName", "客户经理" + username.substring(1, 5));
		body.put("roles", roles);
		body.put("dealerCode", dealerCode);
		body.put("email", email);
		Api.Answer a = admin.post("/users", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return username;
	}

	long userId(String username) {
		JsonNode page = admin.get("/users?q=" + username).json();
		JsonNode items = page.has("items") ? page.get("items") : page;
		for (JsonNode u : items) {
			if (username.equals(u.get("username").asString())) {
				return u.get("id").asLong();
			}
		}
		throw new IllegalStateException("no user " + username + " in " + page);
	}

	Api as(String username) {
		return new Api(port).as(username, "secret-123");
	}

	static Map<String, Object> visit(String date, String followUpDue) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("date", date);
		m.put("kind", "ON_SITE");
		m.put("participants", "王经理、孙磊");
		m.put("content", "回访车队使用情况");
		m.put("feedback", "满意");
		m.put("nextSteps", "安排保养");
		if (followUpDue != null) {
			m.put("followUpDue", followUpDue);
		}
		return m;
	}

	static Map<String, Object> contract(String number, String start, String end, String value) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("number", number);
		m.put("signedOn", start);
		m.put("start", start);
		m.put("end", end);
		m.put("value", value);
		return m;
	}
}
