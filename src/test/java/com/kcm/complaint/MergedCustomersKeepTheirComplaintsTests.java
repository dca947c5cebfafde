package com.kcm.complaint;

import static com.kcm.complaint.ClosureFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/** Merging duplicate customers moves the merged one's complaints to the survivor, in the same transaction. */
@KcmTest
class MergedCustomersKeepTheirComplaintsTests {

	@LocalServerPort
	int port;

	@Autowired
	ComplaintRepository complaints;

	@Test
	void theMergedCustomersComplaintsFollowTheSurvivor() {
		Api agent = ClosureFixtures.user(port, "CS_AGENT", null);
		Api admin = new Api(port).as("admin", "admin-test-pass");
		long kept = register(agent, ClosureFixtures.phone(), "吴先生");
		long moved = register(agent, ClosureFixtures.phone(), "吴先生");
		long survivor = complaints.findById(kept).orElseThrow().getCustomerId();
		long merged = complaints.findById(moved).orElseThrow().getCustomerId();
		assertThat(survivor).isNotEqualTo(merged);

		Api.Answer a = admin.post("/customers/" + survivor + "/merge", Map.of("mergedId", merged));
		assertThat(a.status()).as(a.body()).isEqualTo(200);

		assertThat(complaints.findById(moved).orElseThrow().getCustomerId()).isEqualTo(survivor);
		assertThat(complaints.findById(kept).orElseThrow().getCustomerId()).isEqualTo(survivor);
	}
}
