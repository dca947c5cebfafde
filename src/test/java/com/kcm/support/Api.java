package com.kcm.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the REST API, as an outside system would use it: JSON over HTTP with a bearer
 * token from {@code POST /api/v1/auth/token}.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private final HttpClient http = HttpClient.newHttpClient();
	private final String base;
	private String token;

	public Api(int port) {
		this.base = "http://localhost:" + port + "/api/v1";
	}

	public record Answer(int status, String body) {
		public JsonNode json() {
			return JSON.readTree(body);
		}
	}

	/** Signs in and keeps the token for the following calls. */
	public Api as(String username, String password) {
		Answer a = post("/auth/token", Map.of("username", username, "password", password));
		if (a.status() != 200) {
			throw new IllegalStateException("sign-in of " + username + " failed: " + a);
		}
		token = a.json().get("token").asString();
		return this;
	}

	public Api anonymous() {
		token = null;
		return this;
	}

	public Answer get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** A binary answer (a file download): the status, the content type and the bytes. */
	public record Bytes(int status, String contentType, byte[] body) {
	}

	public Bytes getBytes(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Bytes(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
		} catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	public Answer post(String path, Object body) {
		return postRaw(path, body instanceof String s ? s : JSON.writeValueAsString(body), Map.of());
	}

	public Answer postRaw(String path, String json, Map<String, String> headers) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		headers.forEach(b::header);
		return send(b);
	}

	public Answer put(String path, Object body) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body),
						StandardCharsets.UTF_8)));
	}

	/** A multipart upload of one file as form field {@code file}. */
	public Answer upload(String path, String filename, byte[] content) {
		String boundary = "----kcm" + System.nanoTime();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
	}

	private Answer send(HttpRequest.Builder b) {
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(r.statusCode(), r.body());
		} catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Creates a user through {@code POST /api/v1/users} as the bootstrap administrator, with a unique name,
	 * the password {@code secret-123} and one role (bound to {@code dealerCode} when given); returns the name.
	 */
	public static String createUser(int port, String prefix, String role, String dealerCode) {
		String username = prefix + java.util.UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("username", username, "password", "secret-123",
				"displayName", "测试" + role, "roles", java.util.List.of(role)));
		if (dealerCode != null) {
			body.put("dealerCode", dealerCode);
		}
		Answer a = new Api(port).as("admin", "admin-test-pass").post("/users", body);
		if (a.status() != 201) {
			throw new IllegalStateException("creating user " + username + " failed: " + a);
		}
		return username;
	}

	public static String json(Object o) {
		return JSON.writeValueAsString(o);
	}
}
