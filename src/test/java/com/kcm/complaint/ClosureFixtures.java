package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;

/** Unique dealers, users and complaints for the closure tests, made through the same calls as real users. */
final class ClosureFixtures {

	private ClosureFixtures() {
	}

	static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	static String phone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** A region with two active dealers; returns {region, dealerA, dealerB}. */
	/**
	 * A month between 1950 and 1984 that has no forced-closure list yet. Every month has one list shared by
	 * all, and the suite's tests share one database on PostgreSQL: a month another test used would mix lists.
	 */
	static java.time.YearMonth unusedMonth(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 1000; attempt++) {
			java.time.YearMonth m = java.time.YearMonth.of(1950 + r.nextInt(35), 1 + r.nextInt(12));
			if (jdbc.sql("select count(*) from forced_closure_list where list_month = ?").param(m.toString())
					.query(Long.class).single() == 0) {
				return m;
			}
		}
		throw new IllegalStateException("no unused month left for forced-closure tests");
	}

	static String[] network(DealerNetwork network) {
		return network(network, "2020-01-01");
	}

	static String[] network(DealerNetwork network, String acceptedOn) {
		String region = code("R");
		network.createRegion(new RegionCommand(region, "测试大区"));
		String a = code("A");
		String b = code("B");
		network.createDealer(new DealerCommand(a, "甲服务商", "4S", region, "ACTIVE", acceptedOn, 3, null, null));
		network.createDealer(new DealerCommand(b, "乙服务商", "3S", region, "ACTIVE", acceptedOn, 3, null, null));
		return new String[] { region, a, b };
	}

	/** Creates a user with password {@code secret-123}; returns its username. */
	static String newUser(int port, String role, String dealerCode) {
		return newUser(port, role, dealerCode, null);
	}

	static String newUser(int port, String role, String dealerCode, String regionCode) {
		String username = "z" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>(Map.of("username", username, "password", "secret-123",
				"displayName", "测试" + role, "roles", List.of(role)));
		if (dealerCode != null) {
			body.put("dealerCode", dealerCode);
		}
		if (regionCode != null) {
			body.put("regionCode", regionCode);
		}
		Api.Answer a = new Api(port).as("admin", "admin-test-pass").post("/users", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return username;
	}

	static Api user(int port, String role, String dealerCode) {
		return new Api(port).as(newUser(port, role, dealerCode), "secret-123");
	}

	/** Registers a hotline complaint and returns its id. */
	static long register(Api agent, String phone, String name) {
		Api.Answer a = agent.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400", "description",
				"刹车异响", "customer", Map.of("name", name, "phone", phone)));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json().get("id").asLong();
	}

	/** Dispatches to the dealer; returns the work order's id. */
	static long dispatch(Api specialist, long id, String dealerCode) {
		Api.Answer a = specialist.post("/complaints/" + id + "/dispatch",
				Map.of("dealerCode", dealerCode, "category", "SERVICE_PROCESS", "suggestion", "请当天联系客户"));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		return a.json().get("id").asLong();
	}

	/** GET of a binary answer (an export) with the caller's bearer token. */
	static byte[] download(int port, String username, String path) {
		String token = new Api(port).post("/auth/token", Map.of("username", username, "password", "secret-123")).json()
				.get("token").asString();
		try {
			HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
							.header("Authorization", "Bearer " + token).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
			return r.body();
		} catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The cells of the first sheet, as text, row by row. */
	static List<List<String>> rows(byte[] xlsx) {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter f = new DataFormatter();
			List<List<String>> out = new ArrayList<>();
			for (Row row : wb.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					cells.add(row.getCell(i) == null ? "" : f.formatCellValue(row.getCell(i)));
				}
				out.add(cells);
			}
			return out;
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
