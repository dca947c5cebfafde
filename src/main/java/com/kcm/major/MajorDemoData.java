package com.kcm.major;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import com.kcm.shared.demo.DemoData;
import com.kcm.complaint.ComplaintQueries;
import com.kcm.identity.DemoSignIn;

/**
 * Demo major complaint (README): one open complaint of the demo dealer D0001 (the assessment demo imports them)
 * flagged as major by the demo specialist {@code aftersales}, with part of the dossier filled, so the major
 * complaint pages have something to show. Runs after the assessment demo data (order 40), only while there is
 * no major complaint yet; when D0001 has no open complaint it does nothing.
 */
@Component
@Order(50)
class MajorDemoData implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(MajorDemoData.class);

	private final MajorComplaintRepository majors;
	private final MajorComplaints complaints;
	private final ComplaintQueries complaintQueries;
	private final DemoSignIn signIn;

	MajorDemoData(MajorComplaintRepository majors, MajorComplaints complaints, ComplaintQueries complaintQueries,
			DemoSignIn signIn) {
		this.majors = majors;
		this.complaints = complaints;
		this.complaintQueries = complaintQueries;
		this.signIn = signIn;
	}

	@Override
	public void loadDemo() {
		if (majors.count() > 0) {
			return;
		}
		signIn.runAs("aftersales", () -> {
			try {
				// D0001's first open complaint, else any dealer's (the demo histories leave few open)
				if (flagOpenComplaintOf("D0001") == null && flagOpenComplaintOf(null) == null) {
					log.info("Demo major complaint not created: no open complaint");
				}
			} catch (RuntimeException e) {
				log.warn("Demo major complaint not created: {}", e.getMessage());
			}
		});
	}

	/**
	 * Flags the first open complaint of the dealer (null: of any dealer; the one due soonest) as major, with part of the dossier; answers
	 * the major complaint, or null when the dealer has no open complaint. The caller is signed in as after-sales.
	 */
	MajorComplaint flagOpenComplaintOf(String dealerCode) {
		var open = complaintQueries.workOrders(dealerCode, true, PageRequest.of(0, 1)).getContent();
		if (open.isEmpty()) {
			return null;
		}
		long complaintId = open.get(0).complaintId();
		MajorComplaint m = complaints.flag(complaintId, List.of("EXPOSURE_THREAT"), "客户称若三日内不解决将联系电视台曝光");
		Map<String, String> dossier = new LinkedHashMap<>();
		dossier.put("CUSTOMER_ACCOUNT", "多次维修未解决，客户情绪激动");
		dossier.put("CUSTOMER_DEMANDS", "要求退车并公开道歉");
		dossier.put("VEHICLE_MAINTENANCE", "按期在本店保养");
		complaints.saveDossier(m.getId(), dossier);
		log.info("Demo major complaint #{} flagged on complaint #{}", m.getId(), complaintId);
		return m;
	}
}
