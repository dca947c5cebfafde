package com.kcm.major;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import com.kcm.complaint.ComplaintQueries;
import com.kcm.dealer.DealerNetwork;
import com.kcm.identity.DemoSignIn;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/** The demo flags one open complaint of the demo dealer as major with part of the dossier, and skips a dealer with none. */
@KcmTest
class MajorDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@Autowired
	MajorComplaintRepository majors;

	@Autowired
	MajorComplaints complaints;

	@Autowired
	ComplaintQueries complaintQueries;

	@Autowired
	DemoSignIn signIn;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void anOpenComplaintOfTheDealerBecomesMajorWithAPartlyFilledDossier() {
		MajorFixtures f = new MajorFixtures(port, network, clock);
		long complaint = f.dispatchedComplaint(f.dealer);
		MajorDemoData demo = new MajorDemoData(majors, complaints, complaintQueries, signIn);
		MajorComplaint[] flagged = new MajorComplaint[2];
		assertThat(signIn.runAs(Api.createUser(port, "mdemo", "AFTER_SALES", null), () -> {
			flagged[0] = demo.flagOpenComplaintOf(f.newDealer);
			flagged[1] = demo.flagOpenComplaintOf(f.dealer);
		})).isTrue();
		assertThat(signIn.runAs("nobody-" + f.dealer, () -> {
			throw new AssertionError("not run for an unknown user");
		})).isFalse();
		assertThat(flagged[0]).isNull();
		MajorComplaint m = flagged[1];
		assertThat(m).isNotNull();
		assertThat(m.getComplaintId()).isEqualTo(complaint);

		JsonNode shown = f.afterSales.get("/major-complaints/" + m.getId()).json();
		assertThat(shown.get("status").asString()).isEqualTo("OPEN");
		assertThat(shown.get("completeness").get("present").asInt()).isEqualTo(3);
		assertThat(f.dealerUser.get("/major-complaints").json().get("total").asInt()).isEqualTo(1);
	}
}
