package com.kcm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC §11: every malformed request is refused with a 4xx in the error format and changes nothing. Each
 * endpoint family of the API gets the same bad inputs (a table: endpoint × input → expected status); the
 * pages get control characters in form fields and query parameters and an oversized form.
 */
@KcmTest
class BadInputIsRefusedTests {

	/** An endpoint family: a path, and a valid-looking body with one text field to spoil. */
	record Endpoint(String path, boolean list, String textField, Map<String, Object> body) {
	}

	/** One bad input: the raw body, its content type, the status and the field the answer must name. */
	record Input(String name, byte[] body, String contentType, int status, String field, Integer index) {
	}

	static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("/complaints", false, "description", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400",
					"description", "刹车异响", "customer", Map.of("name", "王先生", "phone", "13912345678"))),
			new Endpoint("/complaints/1/dispatch", false, "suggestion",
					Map.of("dealerCode", "D0001", "category", "OTHER", "suggestion", "请联系")),
			new Endpoint("/imports/complaint-history", true, "externalId", Map.of("externalId", "H-1", "kind",
					"COMPLAINT", "channel", "HOTLINE_400", "customer", Map.of("name", "李女士"), "events", List.of())),
			new Endpoint("/users", false, "displayName", Map.of("username", "badinput", "password", "secret-123",
					"displayName", "坏输入", "roles", List.of("CS_AGENT"))),
			new Endpoint("/regions", false, "name", Map.of("code", "RBAD", "name", "坏大区")),
			new Endpoint("/dealers", false, "name", Map.of("code", "DBAD", "name", "坏服务商", "type", "4S",
					"regionCode", "RBAD", "status", "ACTIVE", "acceptedOn", "2020-01-01")),
			new Endpoint("/customers", false, "name", Map.of("name", "赵先生", "phone", "13812345678")),
			new Endpoint("/service-visits", true, "dealerCode", Map.of("dealerCode", "D0001", "month", "2026-01",
					"visits", 3)),
			new Endpoint("/calendar/days", true, "kind", Map.of("date", "2026-12-31", "kind", "HOLIDAY")),
			new Endpoint("/media-incidents", false, "description", Map.of("dealerCode", "D0001", "at",
					"2026-03-02T09:10:00+08:00", "description", "曝光")),
			new Endpoint("/penalties", false, "reason", Map.of("dealerCode", "D0001", "month", "2026-01", "amount",
					2000, "reason", "虚假回复")),
			new Endpoint("/complaints/1/major", false, "reason", Map.of("reason", "媒体曝光")),
			new Endpoint("/auth/token", false, "username", Map.of("username", "admin", "password", "x")));

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	String token;
	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void signIn() throws Exception {
		HttpResponse<String> r = send("/auth/token", "{\"username\":\"admin\",\"password\":\"admin-test-pass\"}"
				.getBytes(StandardCharsets.UTF_8), "application/json", null);
		token = JSON.readTree(r.body()).get("token").asString();
	}

	static List<Input> inputs(Endpoint e) {
		byte[] good = JSON.writeValueAsBytes(e.list() ? List.of(e.body()) : e.body());
		Map<String, Object> spoiled = new LinkedHashMap<>(e.body());
		spoiled.put(e.textField(), "前\u0000后");
		Map<String, Object> bell = new LinkedHashMap<>(e.body());
		bell.put(e.textField(), "响铃\u0007");
		byte[] nul = JSON.writeValueAsBytes(e.list() ? List.of(e.body(), spoiled) : spoiled);
		byte[] control = JSON.writeValueAsBytes(e.list() ? List.of(bell) : bell);
		ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
		invalidUtf8.writeBytes("{\"description\":\"".getBytes(StandardCharsets.UTF_8));
		invalidUtf8.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF });
		invalidUtf8.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
		byte[] big = ("{\"description\":\"" + "长".repeat(700_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		List<Input> inputs = new ArrayList<>(List.of(
				new Input("unreadable JSON", "{\"description\": ".getBytes(StandardCharsets.UTF_8), "application/json",
						400, null, null),
				new Input("invalid UTF-8", invalidUtf8.toByteArray(), "application/json", 400, null, null),
				new Input("the JSON null", "null".getBytes(StandardCharsets.UTF_8), "application/json", 400, null, null),
				new Input("a JSON string", "\"x\"".getBytes(StandardCharsets.UTF_8), "application/json", 400, null,
						null),
				new Input("a number", "42".getBytes(StandardCharsets.UTF_8), "application/json", 400, null, null),
				new Input(e.list() ? "an object for a list" : "a list for an object",
						(e.list() ? "{}" : "[]").getBytes(StandardCharsets.UTF_8), "application/json", 400, null, null),
				new Input("text/plain", good, "text/plain", 415, null, null),
				new Input("form encoded", good, "application/x-www-form-urlencoded", 415, null, null),
				new Input("over 1 MB", big, "application/json", 413, null, null),
				new Input("a NUL in a text", nul, "application/json", 422, e.textField(), e.list() ? 1 : null),
				new Input("a bell in a text", control, "application/json", 422, e.textField(), e.list() ? 0 : null)));
		return inputs;
	}

	@Test
	void everyEndpointFamilyRefusesEveryBadInputWithA4xxNamingTheFieldAndWritesNothing() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Endpoint e : ENDPOINTS) {
			for (Input in : inputs(e)) {
				Map<String, Long> before = rowCounts();
				HttpResponse<String> r = send(e.path(), in.body(), in.contentType(), "k-" + System.nanoTime());
				String what = "POST " + e.path() + " with " + in.name() + ": " + r.statusCode() + " " + cut(r.body());
				if (r.statusCode() != in.status()) {
					wrong.add(what + " (expected " + in.status() + ")");
					continue;
				}
				JsonNode error = JSON.readTree(r.body()).get("errors").get(0);
				if (error.get("message") == null || error.get("message").asString().isBlank()) {
					wrong.add(what + " (no message)");
				}
				if (in.field() != null && (error.get("field") == null || !in.field().equals(error.get("field").asString()))) {
					wrong.add(what + " (field " + in.field() + " not named)");
				}
				if (in.index() != null && (error.get("index") == null || error.get("index").asInt() != in.index())) {
					wrong.add(what + " (index " + in.index() + " not named)");
				}
				Map<String, Long> after = rowCounts();
				if (!after.equals(before)) {
					wrong.add(what + " (rows written: " + difference(before, after) + ")");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void aControlCharacterInAQueryParameterIsRefusedNamingIt() throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/complaints?externalId=a%00b")).header("Authorization", "Bearer " + token).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
		assertThat(JSON.readTree(r.body()).get("errors").get(0).get("field").asString()).isEqualTo("externalId");
	}

	@Test
	void aPageFormWithANulIsRefusedWithTheFieldNamedAndNothingRegistered() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("admin")
				.password("admin-test-pass")).andReturn().getRequest().getSession(false);
		Map<String, Long> before = rowCounts();
		MvcResult r = mvc.perform(post("/complaints/new").session(session).with(csrf()).param("kind", "COMPLAINT")
				.param("channel", "HOTLINE_400").param("complainantType", "CUSTOMER").param("customerName", "页面客户")
				.param("customerPhone", "13711112222").param("description", "前\u0000后")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(r.getResponse().getContentAsString()).contains("不允许的控制字符");
		assertThat(rowCounts()).isEqualTo(before);

		MvcResult search = mvc.perform(get("/customers").param("q", "x\u0001").session(session)).andReturn();
		assertThat(search.getResponse().getStatus()).isEqualTo(422);
	}

	@Test
	void aPageFormOver1MbIsRefusedWith413() throws Exception {
		byte[] big = ("description=" + "a".repeat(1_100_000)).getBytes(StandardCharsets.US_ASCII);
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/complaints/new")).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(r.statusCode()).isEqualTo(413);
	}

	HttpResponse<String> send(String path, byte[] body, String contentType, String key) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
				.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		if (key != null) {
			b.header("Idempotency-Key", key);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Rows in every table the application writes on a request (the outbox and mail log excepted). */
	Map<String, Long> rowCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = "
				+ "current_schema() and table_type = 'BASE TABLE' order by table_name").query(String.class).list()) {
			String t = table.toLowerCase();
			if (t.startsWith("flyway") || t.startsWith("event_publication") || t.startsWith("notification")
					|| t.equals("job_lock") || t.equals("app_instance") || t.startsWith("spring_session")) {
				continue;
			}
			counts.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
		}
		return counts;
	}

	static String difference(Map<String, Long> before, Map<String, Long> after) {
		StringBuilder sb = new StringBuilder();
		after.forEach((t, n) -> {
			if (!n.equals(before.get(t))) {
				sb.append(t).append(' ').append(before.get(t)).append("→").append(n).append(' ');
			}
		});
		return sb.toString();
	}

	static String cut(String s) {
		return s == null || s.length() < 300 ? s : s.substring(0, 300);
	}
}
