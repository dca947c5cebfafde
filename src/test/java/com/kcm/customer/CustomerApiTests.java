package com.kcm.customer;

import static com.kcm.customer.CustomerFixtures.customer;
import static com.kcm.customer.CustomerFixtures.idNumber;
import static com.kcm.customer.CustomerFixtures.name;
import static com.kcm.customer.CustomerFixtures.phone;
import static com.kcm.customer.CustomerFixtures.plate;
import static com.kcm.customer.CustomerFixtures.vehicle;
import static com.kcm.customer.CustomerFixtures.vin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.audit.Audit;
import com.kcm.audit.AuditQuery;
import com.kcm.dealer.DealerNetwork;
import com.kcm.shared.Masking;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;

@KcmTest
class CustomerApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Audit audit;


	@Autowired
	DealerNetwork dealerNetwork;

	Api admin;
	CustomerFixtures.Network network;

	@BeforeEach
	void signIn() {
		admin = new Api(port).as("admin", "admin-test-pass");
		network = CustomerFixtures.dealer(dealerNetwork);
	}

	private JsonNode create(Api api, Map<String, Object> body) {
		Api.Answer a = api.post("/customers", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json();
	}

	private JsonNode addVehicle(long ownerId, String vin, String plate, String dealerCode) {
		Api.Answer a = admin.post("/vehicles", vehicle(ownerId, vin, plate, dealerCode));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json();
	}

	static List<Long> ids(JsonNode array) {
		return array.valueStream().map(n -> n.get("id").asLong()).toList();
	}

	private long countAudit(String action, long customerId) {
		return audit.search(new AuditQuery(null, action, "customer", String.valueOf(customerId), null, null),
				PageRequest.of(0, 50)).getTotalElements();
	}

	@Test
	void anAgentRegistersACustomerAndSeesThePhoneAndIdNumberMasked() {
		String phone = phone();
		String id = idNumber();
		Api agent = CustomerFixtures.user(port, List.of("CS_AGENT"), null, null, false);
		Map<String, Object> body = customer(name(), "+86 " + phone);
		body.put("idNumber", id);
		body.put("customerClass", "B");
		body.put("classReason", "两台车");
		body.put("birthday", "1980-02-03");
		JsonNode c = create(agent, body);

		assertThat(c.get("phone").asString()).isEqualTo(Masking.phone(phone)).contains("****");
		assertThat(c.get("idNumber").asString()).isEqualTo(Masking.idNumber(id));
		JsonNode got = agent.get("/customers/" + c.get("id").asLong()).json();
		assertThat(got.get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(got.get("customerClass").asString()).isEqualTo("B");
		assertThat(got.get("birthday").asString()).isEqualTo("1980-02-03");
		assertThat(got.toString()).doesNotContain(phone).doesNotContain(id);
	}

	@Test
	void thePlainPhoneAndIdNumberAreNowhereInTheDatabase() {
		String phone = phone();
		String id = idNumber();
		Map<String, Object> body = customer(name(), phone);
		body.put("idNumber", id);
		long customerId = create(admin, body).get("id").asLong();

		List<Map<String, Object>> rows = jdbc.sql("select * from customer where id = ?").param(customerId).query()
				.listOfRows();
		assertThat(rows).hasSize(1);
		rows.get(0).values().forEach(value -> assertThat(String.valueOf(value)).doesNotContain(phone)
				.doesNotContain(phone.substring(3)).doesNotContain(id));
		assertThat(rows.get(0).get("phone_cipher").toString()).startsWith("v1:");
	}

	@Test
	void aPermittedUserRevealsInFullAndTheRevealIsAudited() {
		String phone = phone();
		String id = idNumber();
		Map<String, Object> body = customer(name(), phone);
		body.put("idNumber", id);
		long customerId = create(admin, body).get("id").asLong();
		Api permitted = CustomerFixtures.user(port, List.of("CS_AGENT"), null, null, true);

		JsonNode full = permitted.get("/customers/" + customerId + "?reveal=true").json();
		assertThat(full.get("phone").asString()).isEqualTo(phone);
		assertThat(full.get("idNumber").asString()).isEqualTo(id);
		assertThat(countAudit(Audit.PERSONAL_DATA_VIEWED, customerId)).isEqualTo(1);

		assertThat(permitted.get("/customers/" + customerId).json().get("phone").asString()).contains("****");
		assertThat(countAudit(Audit.PERSONAL_DATA_VIEWED, customerId)).isEqualTo(1);
	}

	@Test
	void aUserWithoutTheRevealPermissionIsRefusedAndNothingIsShown() {
		long customerId = create(admin, customer(name(), phone())).get("id").asLong();
		Api agent = CustomerFixtures.user(port, List.of("CS_AGENT"), null, null, false);
		Api.Answer a = agent.get("/customers/" + customerId + "?reveal=true");
		assertThat(a.status()).isEqualTo(403);
		assertThat(countAudit(Audit.PERSONAL_DATA_VIEWED, customerId)).isZero();
	}

	@Test
	void invalidPhoneIdVinAndPlateAreRefusedNamingTheFieldAndNothingIsWritten() {
		String name = name();
		Map<String, Object> body = customer(name, "12345");
		body.put("idNumber", "110105194912310021");
		Api.Answer a = admin.post("/customers", body);
		assertThat(a.status()).isEqualTo(422);
		assertThat(a.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("phone", "idNumber");
		assertThat(admin.get("/customers/lookup?q=" + name).json().get("items")).isEmpty();

		long ownerId = create(admin, customer(name(), phone())).get("id").asLong();
		Api.Answer v = admin.post("/vehicles", vehicle(ownerId, "LSVAI4187C2184847", "京I12345", network.dealer().code()));
		assertThat(v.status()).isEqualTo(422);
		assertThat(v.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("vin", "plate");
	}

	@Test
	void aVinCanBeRegisteredOnlyOnce() {
		long ownerId = create(admin, customer(name(), phone())).get("id").asLong();
		String vin = vin();
		addVehicle(ownerId, vin, plate(), network.dealer().code());
		Api.Answer again = admin.post("/vehicles", vehicle(ownerId, vin.toLowerCase(), plate(), network.dealer().code()));
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("vin");
	}

	@Test
	void anAgentFindsTheCustomerByPhoneVinLastSixPlateAndName() {
		String phone = phone();
		String name = name();
		String vin = vin();
		String plate = plate();
		long customerId = create(admin, customer(name, phone)).get("id").asLong();
		addVehicle(customerId, vin, plate, network.dealer().code());

		for (String q : List.of(phone, "+86-" + phone, vin, vin.toLowerCase(), vin.substring(11), plate,
				plate.substring(0, 2) + "·" + plate.substring(2), name, name.substring(0, 5), name.substring(3))) {
			JsonNode found = admin.get("/customers/lookup?q=" + java.net.URLEncoder.encode(q,
					java.nio.charset.StandardCharsets.UTF_8)).json();
			assertThat(found.get("items").findValuesAsString("name")).as(q).contains(name);
			JsonNode mine = found.get("items").valueStream().filter(i -> i.get("id").asLong() == customerId)
					.findFirst().orElseThrow();
			assertThat(mine.get("phone").asString()).isEqualTo(Masking.phone(phone));
			assertThat(mine.get("vehicles").get(0).get("vin").asString()).isEqualTo(vin);
			assertThat(mine.get("vehicles").get(0).get("sellingDealerCode").asString())
					.isEqualTo(network.dealer().code());
		}
		assertThat(admin.get("/customers/lookup?q=" + vin.substring(11)).json().get("matchedBy").asString())
				.isEqualTo("VIN_LAST6");
		assertThat(admin.get("/customers/lookup?q=%25").json().get("items")).as("a wildcard is a character").isEmpty();
	}

	@Test
	void aDealerUserSeesOnlyCustomersWithAVehicleItSoldAndGets404ForOthers() {
		var other = CustomerFixtures.dealer(dealerNetwork);
		long mine = create(admin, customer(name(), phone())).get("id").asLong();
		addVehicle(mine, vin(), plate(), network.dealer().code());
		String otherPhone = phone();
		long theirs = create(admin, customer(name(), otherPhone)).get("id").asLong();
		addVehicle(theirs, vin(), plate(), other.dealer().code());

		Api dealer = CustomerFixtures.user(port, List.of("DEALER"), network.dealer().code(), null, false);
		assertThat(dealer.get("/customers/" + mine).status()).isEqualTo(200);
		assertThat(dealer.get("/customers/" + theirs).status()).isEqualTo(404);
		assertThat(countAudit(Audit.NOT_VISIBLE, theirs)).isEqualTo(1);
		assertThat(dealer.get("/customers/lookup?q=" + otherPhone).json().get("items")).isEmpty();
		JsonNode list = dealer.get("/customers?size=200").json();
		assertThat(list.get("total").asLong()).isEqualTo(1);
		assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(mine);
		assertThat(dealer.post("/customers", customer(name(), phone())).status()).isEqualTo(403);
	}

	@Test
	void aRegionalUserSeesCustomersOfItsRegionsDealers() {
		var sameRegionDealer = CustomerFixtures.dealerIn(network.region(), dealerNetwork);
		var elsewhere = CustomerFixtures.dealer(dealerNetwork);
		long inRegion = create(admin, customer(name(), phone())).get("id").asLong();
		addVehicle(inRegion, vin(), plate(), sameRegionDealer.code());
		long outside = create(admin, customer(name(), phone())).get("id").asLong();
		addVehicle(outside, vin(), plate(), elsewhere.dealer().code());

		Api regional = CustomerFixtures.user(port, List.of("REGIONAL"), null, network.region().code(), false);
		assertThat(regional.get("/customers/" + inRegion).status()).isEqualTo(200);
		assertThat(regional.get("/customers/" + outside).status()).isEqualTo(404);
		assertThat(regional.get("/customers?size=200").json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void duplicatesByPhoneAreFlaggedAndMergedVehiclesMoveToTheSurvivor() {
		String phone = phone();
		long a = create(admin, customer(name(), phone)).get("id").asLong();
		Map<String, Object> bBody = customer(name(), phone);
		String id = idNumber();
		bBody.put("idNumber", id);
		long b = create(admin, bBody).get("id").asLong();
		String vin = vin();
		addVehicle(b, vin, plate(), network.dealer().code());

		assertThat(admin.get("/customers/" + a).json().get("duplicate").asBoolean()).isTrue();
		assertThat(ids(admin.get("/customers/" + a + "/duplicates").json())).containsExactly(b);
		assertThat(ids(admin.get("/customers?duplicates=true&size=200").json().get("items"))).contains(a, b);

		Api agent = CustomerFixtures.user(port, List.of("CS_AGENT"), null, null, false);
		assertThat(agent.post("/customers/" + a + "/merge", Map.of("mergedId", b)).status()).isEqualTo(403);

		Api.Answer merged = admin.post("/customers/" + a + "/merge", Map.of("mergedId", b));
		assertThat(merged.status()).as(merged.body()).isEqualTo(200);
		JsonNode survivor = merged.json();
		assertThat(survivor.get("vehicles").findValuesAsString("vin")).containsExactly(vin);
		assertThat(survivor.get("duplicate").asBoolean()).isFalse();
		assertThat(survivor.get("idNumber").asString()).isEqualTo(Masking.idNumber(id));
		assertThat(admin.get("/customers/" + b).json().get("mergedIntoId").asLong()).isEqualTo(a);
		assertThat(ids(admin.get("/customers/lookup?q=" + phone).json().get("items"))).containsExactly(a);
		assertThat(countAudit(Customers.MERGE, b)).isEqualTo(1);
		assertThat(admin.post("/customers/" + a + "/merge", Map.of("mergedId", b)).status()).isEqualTo(422);
	}

	@Test
	void changingTheClassNeedsAReasonAndIsAudited() {
		long id = create(admin, customer(name(), phone())).get("id").asLong();
		Map<String, Object> body = customer(name(), "138****0000");
		body.put("customerClass", "A");
		Api.Answer refused = admin.put("/customers/" + id, body);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("classReason");

		body.put("classReason", "车队客户");
		Api.Answer ok = admin.put("/customers/" + id, body);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("customerClass").asString()).isEqualTo("A");
		assertThat(ok.json().get("phone").asString()).doesNotEndWith("0000");
		assertThat(countAudit(Audit.UPDATE, id)).isEqualTo(1);
	}
}
