package com.kcm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.DealerSummary;
import com.kcm.dealer.RegionCommand;
import com.kcm.dealer.RegionSummary;
import com.kcm.support.Api;

/** Unique test data: phones, VINs, plates, ID numbers, dealers and users nobody else uses. */
final class CustomerFixtures {

	static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	private CustomerFixtures() {
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

	static String plate() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		return "京" + "ABCDEFGHJKLMNPQ".charAt(r.nextInt(15)) + String.format("%05d", r.nextInt(100_000));
	}

	static String idNumber() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		String first17 = "110105" + (1950 + r.nextInt(50)) + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
				+ String.format("%03d", r.nextInt(1000));
		return first17 + IdCardNumber.checkDigit(first17);
	}

	static String name() {
		return "测试" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	record Network(RegionSummary region, DealerSummary dealer) {
	}

	/** A new region with one active 4S dealer, made through the dealer module's own commands. */
	static Network dealer(DealerNetwork network) {
		RegionSummary region = network.createRegion(new RegionCommand(code("R"), "测试大区"));
		return new Network(region, dealerIn(region, network));
	}

	static DealerSummary dealerIn(RegionSummary region, DealerNetwork network) {
		return network.createDealer(new DealerCommand(code("T"), "测试服务商", "4S", region.code(), "ACTIVE", "2020-01-01",
				3, null, null));
	}

	/** Creates a user through the API and signs in as it. */
	static Api user(int port, List<String> roles, String dealerCode, String regionCode, boolean reveal) {
		return new Api(port).as(newUser(port, roles, dealerCode, regionCode, reveal), "secret-123");
	}

	/** Creates a user (password {@code secret-123}) through the API; returns its username. */
	static String newUser(int port, List<String> roles, String dealerCode, String regionCode, boolean reveal) {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		String username = "u" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", "secret-123");
		body.put("displayName", "测试用户");
		body.put("roles", roles);
		body.put("dealerCode", dealerCode);
		body.put("regionCode", regionCode);
		body.put("revealPersonalData", reveal);
		Api.Answer a = admin.post("/users", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return username;
	}

	static Map<String, Object> customer(String name, String phone) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", name);
		m.put("phone", phone);
		m.put("kind", "INDIVIDUAL");
		return m;
	}

	static Map<String, Object> vehicle(long ownerId, String vin, String plate, String dealerCode) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("vin", vin);
		m.put("plate", plate);
		m.put("model", "KCM S7");
		m.put("purchaseDate", "2024-05-01");
		m.put("sellingDealerCode", dealerCode);
		m.put("ownerId", ownerId);
		return m;
	}
}
