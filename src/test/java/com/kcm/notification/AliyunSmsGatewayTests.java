package com.kcm.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

/** The Aliyun SMS adapter against a local HTTP stub: the request is a signed SendSms call of the right shape. */
class AliyunSmsGatewayTests {

	HttpServer server;
	final AtomicReference<String> received = new AtomicReference<>();
	final AtomicReference<String> contentType = new AtomicReference<>();
	volatile String answer = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"9006197469364984400\",\"RequestId\":\"F655A8D5\"}";
	AliyunSmsGateway gateway;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", ex -> {
			received.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			contentType.set(ex.getRequestHeaders().getFirst("Content-Type"));
			byte[] out = answer.getBytes(StandardCharsets.UTF_8);
			ex.getResponseHeaders().add("Content-Type", "application/json");
			ex.sendResponseHeaders(200, out.length);
			ex.getResponseBody().write(out);
			ex.close();
		});
		server.start();
		AliyunSmsProperties properties = new AliyunSmsProperties("http://127.0.0.1:" + server.getAddress().getPort(),
				"LTAI-test-id", "test-secret", "凯驰汽车", Map.of("care.BIRTHDAY", "SMS_276450001"), "SMS_276450999");
		gateway = new AliyunSmsGateway(properties, RestClient.builder(),
				Clock.fixed(Instant.parse("2026-12-06T01:00:00Z"), ZoneOffset.UTC));
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private Map<String, String> form() {
		Map<String, String> m = new LinkedHashMap<>();
		for (String pair : received.get().split("&")) {
			String[] kv = pair.split("=", 2);
			m.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
		}
		return m;
	}

	private static String pct(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
				.replace("%7E", "~");
	}

	@Test
	void aTemplateMessageIsASignedSendSmsCallWithTheTemplateCodeAndItsParameters() throws Exception {
		gateway.send(new SmsMessage("13812345678", "王先生，生日快乐！", "care.BIRTHDAY",
				Map.of("name", "王先生", "dealer", "北京凯驰4S店")));
		Map<String, String> f = form();
		assertThat(contentType.get()).startsWith("application/x-www-form-urlencoded");
		assertThat(f).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25")
				.containsEntry("PhoneNumbers", "13812345678").containsEntry("SignName", "凯驰汽车")
				.containsEntry("TemplateCode", "SMS_276450001").containsEntry("AccessKeyId", "LTAI-test-id")
				.containsEntry("SignatureMethod", "HMAC-SHA1").containsEntry("SignatureVersion", "1.0")
				.containsEntry("Timestamp", "2026-12-06T01:00:00Z").containsEntry("Format", "JSON");
		assertThat(f.get("TemplateParam")).isEqualTo("{\"dealer\":\"北京凯驰4S店\",\"name\":\"王先生\"}");

		// the signature, computed here independently: HMAC-SHA1 over POST&%2F&<encoded sorted query>
		Map<String, String> unsigned = new TreeMap<>(f);
		String signature = unsigned.remove("Signature");
		String canonical = unsigned.entrySet().stream().map(e -> pct(e.getKey()) + "=" + pct(e.getValue()))
				.collect(Collectors.joining("&"));
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec("test-secret&".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		String expected = Base64.getEncoder().encodeToString(
				mac.doFinal(("POST&%2F&" + pct(canonical)).getBytes(StandardCharsets.UTF_8)));
		assertThat(signature).isEqualTo(expected);
	}

	@Test
	void plainTextGoesThroughTheGenericTextTemplate() {
		gateway.send("13812345678", "工单 #12 已超期");
		assertThat(form()).containsEntry("TemplateCode", "SMS_276450999")
				.containsEntry("TemplateParam", "{\"content\":\"工单 #12 已超期\"}");
	}

	@Test
	void anAnswerOtherThanOkIsAFailureSoTheMessageIsRetried() {
		answer = "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发分钟级流控\"}";
		assertThatThrownBy(() -> gateway.send("13812345678", "测试")).hasMessageContaining("isv.BUSINESS_LIMIT_CONTROL");
	}
}
