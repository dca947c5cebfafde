package com.kcm.complaint;

import static com.kcm.complaint.ClosureFixtures.dispatch;
import static com.kcm.complaint.ClosureFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/** A dealer sees the customer of a complaint dispatched to it, even when another dealer sold the vehicle. */
@KcmTest
class DealersSeeTheCustomersOfTheirComplaintsTests {

	static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	ComplaintRepository complaints;

	static String vin() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		StringBuilder sb = new StringBuilder("LSV");
		while (sb.length() < 17) {
			sb.append(VIN_CHARS.charAt(r.nextInt(VIN_CHARS.length())));
		}
		return sb.toString();
	}

	/** A customer whose only vehicle was sold by {@code sellingDealer}. */
	long customerSoldBy(Api admin, String phone, String sellingDealer) {
		Api.Answer c = admin.post("/customers", Map.of("name", "周先生", "phone", phone, "kind", "INDIVIDUAL"));
		assertThat(c.status()).as(c.body()).isEqualTo(201);
		long id = c.json().get("id").asLong();
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("vin", vin());
		v.put("plate", "京" + "ABCDEFGHJK".charAt(ThreadLocalRandom.current().nextInt(10))
				+ String.format("%05d", ThreadLocalRandom.current().nextInt(100_000)));
		v.put("model", "KCM S7");
		v.put("purchaseDate", "2024-05-01");
		v.put("sellingDealerCode", sellingDealer);
		v.put("ownerId", id);
		Api.Answer created = admin.post("/vehicles", v);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return id;
	}

	@Test
	void aDealerSeesTheCustomerOfAComplaintDispatchedToItAndNoOtherDealerDoes() {
		String[] net = ClosureFixtures.network(network);
		String[] elsewhere = ClosureFixtures.network(network);
		String seller = net[2];
		String handler = net[1];
		Api admin = new Api(port).as("admin", "admin-test-pass");
		Api agent = ClosureFixtures.user(port, "CS_AGENT", null);
		Api specialist = ClosureFixtures.user(port, "AFTER_SALES", null);
		Api handlerUser = ClosureFixtures.user(port, "DEALER", handler);
		Api otherUser = ClosureFixtures.user(port, "DEALER", elsewhere[1]);
		Api regionalElsewhere = new Api(port).as(ClosureFixtures.newUser(port, "REGIONAL", null, elsewhere[0]), "secret-123");

		String phone = ClosureFixtures.phone();
		long customer = customerSoldBy(admin, phone, seller);
		long complaint = register(agent, phone, "周先生");
		assertThat(complaints.findById(complaint).orElseThrow().getCustomerId()).isEqualTo(customer);
		assertThat(handlerUser.get("/customers/" + customer).status()).as("not dispatched yet").isEqualTo(404);

		dispatch(specialist, complaint, handler);
		Api.Answer seen = handlerUser.get("/customers/" + customer);
		assertThat(seen.status()).as(seen.body()).isEqualTo(200);
		assertThat(seen.json().get("name").asString()).isEqualTo("周先生");
		assertThat(otherUser.get("/customers/" + customer).status()).isEqualTo(404);
		assertThat(regionalElsewhere.get("/customers/" + customer).status()).isEqualTo(404);
	}

	@Test
	void aVoidedWorkOrderGivesNoSight() {
		String[] net = ClosureFixtures.network(network);
		String[] elsewhere = ClosureFixtures.network(network);
		Api admin = new Api(port).as("admin", "admin-test-pass");
		Api agent = ClosureFixtures.user(port, "CS_AGENT", null);
		Api specialist = ClosureFixtures.user(port, "AFTER_SALES", null);
		Api wrongUser = ClosureFixtures.user(port, "DEALER", net[1]);

		String phone = ClosureFixtures.phone();
		long customer = customerSoldBy(admin, phone, elsewhere[2]);
		long complaint = register(agent, phone, "周先生");
		dispatch(specialist, complaint, net[1]);
		assertThat(wrongUser.get("/customers/" + customer).status()).isEqualTo(200);

		Api.Answer moved = specialist.post("/complaints/" + complaint + "/redispatch",
				Map.of("dealerCode", elsewhere[1], "reason", "派错服务商"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(wrongUser.get("/customers/" + customer).status()).isEqualTo(404);
	}
}
