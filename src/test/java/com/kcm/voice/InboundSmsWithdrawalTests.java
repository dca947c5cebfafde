package com.kcm.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import com.kcm.audit.Audit;
import com.kcm.audit.AuditQuery;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;

/** The gateway's inbound SMS call through HTTP (SPEC §7.5): TD / 退订 withdraws CARE and MARKETING for the number. */
@KcmTest
class InboundSmsWithdrawalTests {

	private static final String SECRET = "inbound-test-secret-2026";

	@LocalServerPort
	int port;

	@Autowired
	Consents consents;

	@Autowired
	Audit audit;

	ConsentFixtures f;
	Api gateway;

	@BeforeEach
	void setUp() {
		f = new ConsentFixtures(port);
		gateway = new Api(port);
	}

	private Api.Answer reply(String gatewayName, String secret, String mobile, String text, String messageId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("mobile", mobile);
		body.put("text", text);
		if (messageId != null) {
			body.put("messageId", messageId);
		}
		return gateway.postRaw("/sms/inbound/" + gatewayName, Api.json(body),
				secret == null ? Map.of() : Map.of("X-Gateway-Secret", secret));
	}

	private long customerWithAllConsents(String mobile) {
		long id = f.customer("退订客户", mobile);
		for (String p : new String[] { "SURVEY", "CARE", "MARKETING" }) {
			f.consent(id, p, "GIVEN");
		}
		return id;
	}

	private long audited(String actor, long customerId) {
		JsonNode history = f.admin.get("/customers/" + customerId + "/consents").json().get("history");
		long n = 0;
		for (JsonNode h : history) {
			n += audit.search(new AuditQuery(actor, Audit.CREATE, Consents.TYPE, h.get("id").asString(), null, null),
					PageRequest.of(0, 5)).getTotalElements();
		}
		return n;
	}

	@Test
	void aTdReplyWithdrawsCareAndMarketingForEveryCustomerWithTheNumberAndIsAudited() {
		String mobile = ConsentFixtures.mobile();
		long first = customerWithAllConsents(mobile);
		long second = customerWithAllConsents(mobile);
		long neighbour = customerWithAllConsents(ConsentFixtures.mobile());

		Api.Answer a = reply("test-gateway", SECRET, "+86 " + mobile, "  td ", "m-" + mobile);
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		assertThat(a.json().get("outcome").asString()).isEqualTo("UNSUBSCRIBED");
		assertThat(a.json().get("customers").asInt()).isEqualTo(2);

		Instant now = Instant.now().plusSeconds(1);
		for (long id : new long[] { first, second }) {
			assertThat(consents.inForce(id, ConsentPurpose.CARE, now)).isFalse();
			assertThat(consents.inForce(id, ConsentPurpose.MARKETING, now)).isFalse();
			assertThat(consents.inForce(id, ConsentPurpose.SURVEY, now)).isTrue();
			assertThat(audited("sms-gateway:test-gateway", id)).isEqualTo(2);
			assertThat(f.admin.get("/customers/" + id + "/consents").body()).contains("\"channel\":\"SMS\"",
					"\"recordedBy\":\"短信网关 test-gateway\"");
			assertThat(f.admin.get("/customers/" + id + "/communications").body()).contains("\"channel\":\"SMS\"",
					"\"direction\":\"IN\"", "短信退订");
		}
		assertThat(consents.inForce(neighbour, ConsentPurpose.CARE, now)).isTrue();

		// the gateway retries the same message: nothing more is written
		Api.Answer again = reply("test-gateway", SECRET, mobile, "TD", "m-" + mobile);
		assertThat(again.json().get("outcome").asString()).isEqualTo("DUPLICATE");
		assertThat(f.admin.get("/customers/" + first + "/consents").json().get("total").asLong()).isEqualTo(5);
	}

	@Test
	void 退订AndAFullWidthTdWithdrawToo() {
		String a = ConsentFixtures.mobile();
		String b = ConsentFixtures.mobile();
		long x = customerWithAllConsents(a);
		long y = customerWithAllConsents(b);
		assertThat(reply("test-gateway", SECRET, a, "退订", null).json().get("outcome").asString()).isEqualTo("UNSUBSCRIBED");
		assertThat(reply("test-gateway", SECRET, b, "ＴＤ\n", null).json().get("outcome").asString()).isEqualTo("UNSUBSCRIBED");
		Instant now = Instant.now().plusSeconds(1);
		assertThat(consents.inForce(x, ConsentPurpose.CARE, now)).isFalse();
		assertThat(consents.inForce(y, ConsentPurpose.MARKETING, now)).isFalse();
		assertThat(consents.inForce(x, ConsentPurpose.SURVEY, now)).isTrue();
	}

	@Test
	void anotherReplyIsRecordedOnTheLogAndChangesNoConsent() {
		String mobile = ConsentFixtures.mobile();
		long id = customerWithAllConsents(mobile);
		Api.Answer a = reply("test-gateway", SECRET, mobile, "TD不要再发了吗？", null);
		assertThat(a.status()).isEqualTo(200);
		assertThat(a.json().get("outcome").asString()).isEqualTo("RECORDED");
		assertThat(consents.inForce(id, ConsentPurpose.CARE, Instant.now().plusSeconds(1))).isTrue();
		assertThat(f.admin.get("/customers/" + id + "/communications").body()).contains("短信回复：TD不要再发了吗？");
		assertThat(reply("test-gateway", SECRET, "12345", "TD", null).body()).contains("\"field\":\"mobile\"");
	}

	@Test
	void aWrongMissingOrUnknownGatewaySecretIsRefusedWith401AndAudited() {
		String mobile = ConsentFixtures.mobile();
		long id = customerWithAllConsents(mobile);
		Instant before = Instant.now().minusSeconds(1);
		assertThat(reply("test-gateway", "inbound-test-secret-2025", mobile, "TD", null).status()).isEqualTo(401);
		assertThat(reply("test-gateway", null, mobile, "TD", null).status()).isEqualTo(401);
		assertThat(reply("other-gateway", SECRET, mobile, "TD", null).status()).isEqualTo(401);
		// a user's token is no gateway secret either
		assertThat(f.admin.postRaw("/sms/inbound/test-gateway", Api.json(Map.of("mobile", mobile, "text", "TD")), Map.of())
				.status()).isEqualTo(401);
		assertThat(consents.inForce(id, ConsentPurpose.CARE, Instant.now().plusSeconds(1))).isTrue();
		assertThat(audit.search(new AuditQuery(null, Audit.ACCESS_DENIED, null, null, before, null), PageRequest.of(0, 200))
				.getContent().stream().filter(e -> e.detail() != null && e.detail().startsWith("inbound SMS")).count())
				.isGreaterThanOrEqualTo(4);
	}
}
