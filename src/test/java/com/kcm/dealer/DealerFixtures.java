package com.kcm.dealer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.kcm.support.Api;

/** Uniquely named regions, dealers and users over the REST API, plus the calls {@link Api} lacks (PUT, upload). */
final class DealerFixtures {

	static final String ADMIN = "admin";
	static final String ADMIN_PASSWORD = "admin-test-pass";

	private final int port;
	final Api admin;

	DealerFixtures(int port) {
		this.port = port;
		this.admin = new Api(port).as(ADMIN, ADMIN_PASSWORD);
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
	}

	String region() {
		String code = unique("R");
		Api.Answer a = admin.post("/regions", Map.of("code", code, "name", "测试大区" + code));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return code;
	}

	String dealer(String regionCode, String status, String acceptedOn) {
		return dealer(regionCode, status, acceptedOn, Map.of());
	}

	String dealer(String regionCode, String status, String acceptedOn, Map<String, Object> extra) {
		String code = unique("D");
		Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "测试汽车销售服务有限公司" + code, "type", "4S",
				"regionCode", regionCode, "status", status, "acceptedOn", acceptedOn));
		body.putAll(extra);
		Api.Answer a = admin.post("/dealers", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return code;
	}

	/** A user with the given role bound to a dealer or region; returns the username (password secret-123). */
	String user(String role, String dealerCode, String regionCode) {
		String username = "u" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", "secret-123", "displayName",
				"测试" + role, "roles", List.of(role)));
		if (dealerCode != null) {
			body.put("dealerCode", dealerCode);
		}
		if (regionCode != null) {
			body.put("regionCode", regionCode);
		}
		Api.Answer a = admin.post("/users", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return username;
	}

	Api as(String username) {
		return new Api(port).as(username, "secret-123");
	}

	String token(String username, String password) {
		return new Api(port).post("/auth/token", Map.of("username", username, "password", password)).json().get("token")
				.asString();
	}

	Api.Answer put(String path, Object body) {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(Api.json(body), StandardCharsets.UTF_8));
		return send(b, ADMIN, ADMIN_PASSWORD);
	}

	/** {@code multipart/form-data} upload of one part {@code file}. */
	Api.Answer upload(String path, String filename, byte[] content, String username, String password) {
		String boundary = "----kcm" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		return send(b, username, password);
	}

	Api.Answer upload(String path, String filename, byte[] content) {
		return upload(path, filename, content, ADMIN, ADMIN_PASSWORD);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + "/api/v1" + path);
	}

	private Api.Answer send(HttpRequest.Builder b, String username, String password) {
		b.header("Authorization", "Bearer " + token(username, password));
		try {
			HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Api.Answer(r.statusCode(), r.body());
		} catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
