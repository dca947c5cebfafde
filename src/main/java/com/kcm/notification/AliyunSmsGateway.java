package com.kcm.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SmsGateway} for Aliyun SMS (Dysmsapi 2017-05-25, action {@code SendSms}): a form POST with the RPC
 * common parameters signed with HMAC-SHA1 (signature version 1.0), the number, the signature name, the
 * template code and its parameters as JSON. A message with a KCM template key uses the configured template code
 * and the message's parameters; a plain-text one the generic text template with {@code {"content": text}}. An
 * answer other than {@code "Code":"OK"} (or an HTTP error) throws, so the message is retried.
 */
class AliyunSmsGateway implements SmsGateway {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AliyunSmsProperties properties;
	private final RestClient http;
	private final Clock clock;

	AliyunSmsGateway(AliyunSmsProperties properties, RestClient.Builder http, Clock clock) {
		this.properties = properties;
		this.http = http.baseUrl(properties.endpoint()).build();
		this.clock = clock;
	}

	@Override
	public void send(String mobile, String text) {
		send(SmsMessage.text(mobile, text));
	}

	@Override
	public void send(SmsMessage message) {
		String templateCode;
		Map<String, String> params;
		if (message.templateKey() != null && properties.templates().containsKey(message.templateKey())) {
			templateCode = properties.templates().get(message.templateKey());
			params = message.params();
		} else if (properties.textTemplate() != null && !properties.textTemplate().isBlank()) {
			templateCode = properties.textTemplate();
			params = Map.of("content", message.text());
		} else {
			throw new IllegalStateException("Aliyun SMS: no template code for " + (message.templateKey() == null
					? "plain text (kcm.sms.aliyun.text-template)" : "kcm.sms.aliyun.templates." + message.templateKey()));
		}
		Map<String, String> form = new TreeMap<>();
		form.put("AccessKeyId", properties.accessKeyId());
		form.put("Action", "SendSms");
		form.put("Format", "JSON");
		form.put("PhoneNumbers", message.mobile());
		form.put("SignName", properties.signName());
		form.put("SignatureMethod", "HMAC-SHA1");
		form.put("SignatureNonce", UUID.randomUUID().toString());
		form.put("SignatureVersion", "1.0");
		form.put("TemplateCode", templateCode);
		form.put("TemplateParam", JSON.writeValueAsString(new TreeMap<>(params)));
		form.put("Timestamp", TIMESTAMP.format(clock.instant().atOffset(ZoneOffset.UTC)));
		form.put("Version", "2017-05-25");
		form.put("Signature", signature("POST", form, properties.accessKeySecret()));
		String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&"));
		String answer = http.post().uri("/").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body)
				.retrieve().body(String.class);
		JsonNode json = JSON.readTree(answer == null ? "{}" : answer);
		if (!"OK".equals(json.path("Code").asString(null))) {
			throw new IllegalStateException("Aliyun SMS refused: " + json.path("Code").asString("?") + " "
					+ json.path("Message").asString(""));
		}
	}

	/** Signature version 1.0: Base64(HMAC-SHA1(secret + "&", METHOD + "&%2F&" + encode(sorted canonical query))). */
	static String signature(String method, Map<String, String> sortedParams, String secret) {
		String canonical = sortedParams.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&"));
		String toSign = method + "&" + encode("/") + "&" + encode(canonical);
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
		} catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Aliyun's percent-encoding: RFC 3986 (space %20, {@code *} %2A, {@code ~} kept). */
	static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
	}
}
