package com.kcm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code KCM_HTTP_METRICS} is off by default: requests are served without Micrometer's {@code http.server.requests}
 * timer (nothing reads it — no metrics endpoint or exporter is configured — and it cost 5 % of an API call).
 */
@KcmTest
class HttpMetricsAreOffTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void requestsAreServedWithoutRecordingTheirTimer() {
		String agent = Api.createUser(port, "metrics", "CS_AGENT", null);
		Api.Answer answer = new Api(port).as(agent, "secret-123").post("/complaints", Map.of("kind", "REPAIR_REQUEST",
				"channel", "HOTLINE_400", "description", "不计时的请求", "customer", Map.of("name", "计时客户", "phone",
						"139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)))));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		assertThat(meters.find("http.server.requests").meters()).isEmpty();
		assertThat(meters.find("http.server.requests.active").meters()).isEmpty();
	}
}
