package com.kcm.voice;

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

/** Dealers, customers, vehicles, users and consents for the consent and care tests, made through the API. */
final class ConsentFixtures {

	private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	private final int port;
	final Api admin;

	ConsentFixtures(int port) {
		this.port = port;
		this.admin = new Api(port).as("admin", "admin-test-pass");
	}

	static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	static String mobile() {
		return "1" + (3 + ThreadLocalRandom.current().nextInt(7))
				+ String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
	}

	/** A new dealer in a new region; answers its code. */
	static String dealer(DealerNetwork network) {
		RegionSummary region = network.createRegion(new RegionCommand(code("R"), "关怀测试大区"));
		return network.createDealer(new DealerCommand(code("V"), "关怀测试服务商", "4S", region.code(), "ACTIVE",
				"2020-01-01", 3, null, null)).code();
	}

	/** {@code POST /customers} with this mobile (null: none); answers the id. */
	long customer(String name, String mobile) {
		return customer(name, mobile, null, null);
	}

	/** A customer with a mobile, and a birthday or an ID number (either may be null); answers the id. */
	long customer(String name, String mobile, String birthday, String idNumber) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (birthday != null) {
			body.put("birthday", birthday);
		}
		if (idNumber != null) {
			body.put("idNumber", idNumber);
		}
		body.put("name", name);
		if (mobile != null) {
			body.put("phone", mobile);
		}
		body.put("kind", "INDIVIDUAL");
		Api.Answer a = admin.post("/customers", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json().get("id").asLong();
	}

	/** A vehicle owned by the customer, sold by the dealer on the purchase date; answers its VIN. */
	String vehicle(long ownerId, String dealerCode, String purchaseDate, String plate) {
		StringBuilder vin = new StringBuilder("LVC");
		while (vin.length() < 17) {
			vin.append(VIN_CHARS.charAt(ThreadLocalRandom.current().nextInt(VIN_CHARS.length())));
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("vin", vin.toString());
		m.put("model", "KCM S7");
		m.put("purchaseDate", purchaseDate);
		m.put("plate", plate);
		m.put("sellingDealerCode", dealerCode);
		m.put("ownerId", ownerId);
		Api.Answer a = admin.post("/vehicles", m);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return vin.toString();
	}

	/** {@code POST /customers/{id}/consents} as admin, effective now. */
	void consent(long customerId, String purpose, String state) {
		Api.Answer a = admin.post("/customers/" + customerId + "/consents",
				Map.of("purpose", purpose, "state", state, "channel", "PAPER"));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
	}

	/** An 18-digit ID number born on {@code yyyyMMdd}, with a random sequence and its GB 11643 check character. */
	static String idNumber(String birth) {
		String first = "110105" + birth + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first.charAt(i) - '0') * weights[i];
		}
		return first + "10X98765432".charAt(sum % 11);
	}

	/** A user with these roles (password secret-123); answers its name. */
	String user(List<String> roles, String dealerCode) {
		String username = "v" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", "secret-123");
		body.put("displayName", "同意测试" + username.substring(1, 5));
		body.put("roles", roles);
		body.put("dealerCode", dealerCode);
		Api.Answer a = admin.post("/users", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return username;
	}

	Api as(String username) {
		return new Api(port).as(username, "secret-123");
	}
}
