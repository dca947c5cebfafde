package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 17: a first-time caller giving the car is registered with the complaint in one batch of inserts
 * (customer, vehicle, complaint, timeline, audit entries) — and everything a user sees is as before: the
 * customer with its masked phone, source and class, the car on it, the audit trail, and the next call finds both.
 */
@KcmTest
class FirstTimeCallerIntakeTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String agentName;
	Api agent;
	Api admin;

	@BeforeEach
	void users() {
		agentName = Api.createUser(port, "ftc", "CS_AGENT", null);
		agent = new Api(port).as(agentName, "secret-123");
		admin = new Api(port).as("admin", "admin-test-pass");
	}

	static Map<String, Object> body(String phone, String vin, String plate) {
		Map<String, Object> b = new LinkedHashMap<>();
		b.put("kind", "COMPLAINT");
		b.put("channel", "HOTLINE_400");
		b.put("category", "PRODUCT_QUALITY");
		b.put("description", "新车行驶三千公里后发动机异响，服务站检查两次未找到原因，客户要求更换发动机或退车处理");
		b.put("customer", Map.of("name", "首次来电客户", "phone", phone));
		Map<String, Object> vehicle = new LinkedHashMap<>();
		vehicle.put("vin", vin);
		vehicle.put("plate", plate);
		b.put("vehicle", vehicle);
		return b;
	}

	@Test
	void aFirstTimeCallerWithACarIsRegisteredWithTheComplaintAndFoundOnTheNextCall() {
		String phone = ComplaintApiStoryTests.phone();
		String vin = RegistrationWriteTests.vin();
		Api.Answer first = agent.postRaw("/complaints", Api.json(body(phone, vin, "京A12345")),
				Map.of("Idempotency-Key", "ftc-" + UUID.randomUUID()));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		long complaintId = first.json().get("id").asLong();

		JsonNode complaint = admin.get("/complaints/" + complaintId).json();
		long customerId = jdbc.sql("select customer_id from complaint where id = ?").param(complaintId).query(Long.class).single();
		long vehicleId = jdbc.sql("select vehicle_id from complaint where id = ?").param(complaintId).query(Long.class).single();
		assertThat(complaint.toString()).contains("首次来电客户");

		JsonNode customer = admin.get("/customers/" + customerId).json();
		assertThat(customer.get("name").asString()).isEqualTo("首次来电客户");
		assertThat(customer.get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(customer.get("source").asString()).isEqualTo("400热线");
		assertThat(customer.get("kind").asString()).isEqualTo("INDIVIDUAL");
		// the class rule of SPEC §7.2 (one vehicle, no key account: C), stored with the customer, as the class
		// endpoint computes it live
		assertThat(customer.get("computedClass").asString()).isEqualTo("C");
		assertThat(admin.get("/customers/" + customerId + "/class").json().get("computed").asString()).isEqualTo("C");
		assertThat(customer.get("vehicles")).singleElement().satisfies(v -> {
			assertThat(v.get("id").asLong()).isEqualTo(vehicleId);
			assertThat(v.get("vin").asString()).isEqualTo(vin);
			assertThat(v.get("plate").asString()).isEqualTo("京A12345");
		});
		// the agent's search box finds the caller by phone and by VIN
		assertThat(agent.get("/customers/lookup?q=" + phone).json().get("items")).singleElement()
				.satisfies(c -> assertThat(c.get("id").asLong()).isEqualTo(customerId));
		assertThat(agent.get("/customers/lookup?q=" + vin).json().get("items")).singleElement()
				.satisfies(c -> assertThat(c.get("id").asLong()).isEqualTo(customerId));

		// the audit trail: customer, vehicle and complaint created, by the agent
		assertThat(jdbc.sql("select entity_type || ' ' || action || ' ' || actor from audit_entry where action <> 'PERSONAL_DATA_VIEWED' and ("
				+ "(entity_type = 'customer' and entity_id = ?) or (entity_type = 'vehicle' and entity_id = ?)"
				+ " or (entity_type = 'complaint' and entity_id = ?))")
				.params(String.valueOf(customerId), String.valueOf(vehicleId), String.valueOf(complaintId))
				.query(String.class).list()).containsExactlyInAnyOrder("customer CREATE " + agentName, "vehicle CREATE " + agentName,
						"complaint CREATE " + agentName);
		String customerAudit = jdbc.sql("select after_state from audit_entry where action = 'CREATE' and entity_type = 'customer' and entity_id = ?")
				.param(String.valueOf(customerId)).query(String.class).single();
		assertThat(customerAudit).doesNotContain(phone).contains("****").contains("\"computedClass\":\"C\"");

		// the next call from the same phone about the same car finds both: nothing created twice
		Api.Answer second = agent.postRaw("/complaints", Api.json(body(phone, vin, null)), Map.of());
		assertThat(second.status()).as(second.body()).isEqualTo(201);
		long secondId = second.json().get("id").asLong();
		assertThat(jdbc.sql("select customer_id, vehicle_id from complaint where id = ?").param(secondId)
				.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(customerId, vehicleId);
		assertThat(jdbc.sql("select count(*) from vehicle where vin = ?").param(vin).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aKnownCallerWithANewCarGetsItAndIsReclassified() {
		String phone = ComplaintApiStoryTests.phone();
		String vin1 = RegistrationWriteTests.vin();
		assertThat(agent.postRaw("/complaints", Api.json(body(phone, vin1, null)), Map.of()).status()).isEqualTo(201);
		String vin2 = RegistrationWriteTests.vin();
		Api.Answer second = agent.postRaw("/complaints", Api.json(body(phone, vin2, "沪B54321")), Map.of());
		assertThat(second.status()).as(second.body()).isEqualTo(201);
		long customerId = jdbc.sql("select customer_id from complaint where id = ?").param(second.json().get("id").asLong())
				.query(Long.class).single();
		JsonNode customer = admin.get("/customers/" + customerId).json();
		assertThat(customer.get("vehicles")).hasSize(2);
		// two vehicles: B under the default rule, recomputed by the crm module in the intake's transaction
		assertThat(customer.get("computedClass").asString()).isEqualTo("B");
	}

	@Test
	void badCustomerOrVehicleDataIsRefusedNamingTheFieldAndNothingIsWritten() {
		String phone = ComplaintApiStoryTests.phone();
		String vin = RegistrationWriteTests.vin();
		Api.Answer badPhone = agent.postRaw("/complaints", Api.json(body("12345", vin, null)), Map.of());
		assertThat(badPhone.status()).isEqualTo(422);
		assertThat(badPhone.body()).contains("\"field\":\"customer.phone\"");
		Api.Answer badVin = agent.postRaw("/complaints", Api.json(body(phone, "NOT-A-VIN", null)), Map.of());
		assertThat(badVin.status()).isEqualTo(422);
		assertThat(badVin.body()).contains("\"field\":\"vehicle.vin\"");
		Api.Answer badPlate = agent.postRaw("/complaints", Api.json(body(phone, vin, "X")), Map.of());
		assertThat(badPlate.status()).isEqualTo(422);
		assertThat(badPlate.body()).contains("\"field\":\"vehicle.plate\"");
		assertThat(agent.get("/customers/lookup?q=" + phone).json().get("items")).isEmpty();
		assertThat(jdbc.sql("select count(*) from vehicle where vin = ?").param(vin).query(Long.class).single()).isZero();
	}
}
