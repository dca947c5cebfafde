package com.kcm.major;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import tools.jackson.databind.JsonNode;

import com.kcm.complaint.ComplaintQueries;
import com.kcm.dealer.DealerNetwork;
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
	UserDetailsService userDetails;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		clock.reset();
	}

	@Test
	void anOpenComplaintOfTheDealerBecomesMajorWithAPartlyFilledDossier() {
		MajorFixtures f = new MajorFixtures(port, network, clock);
		long complaint = f.dispatchedComplaint(f.dealer);
		UserDetails specialist = userDetails.loadUserByUsername(Api.createUser(port, "mdemo", "AFTER_SALES", null));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(specialist, null,
				specialist.getAuthorities()));
		SecurityContextHolder.setContext(context);
		MajorDemoData demo = new MajorDemoData(majors, complaints, complaintQueries, userDetails);

		assertThat(demo.flagOpenComplaintOf(f.newDealer)).isNull();
		MajorComplaint m = demo.flagOpenComplaintOf(f.dealer);
		assertThat(m).isNotNull();
		assertThat(m.getComplaintId()).isEqualTo(complaint);

		JsonNode shown = f.afterSales.get("/major-complaints/" + m.getId()).json();
		assertThat(shown.get("status").asString()).isEqualTo("OPEN");
		assertThat(shown.get("completeness").get("present").asInt()).isEqualTo(3);
		assertThat(f.dealerUser.get("/major-complaints").json().get("total").asInt()).isEqualTo(1);
	}
}
