package com.kcm.major;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.kcm.complaint.ComplaintsAnonymised;

/**
 * Retention (SPEC §8): when complaints are anonymised, their major-complaint dossiers lose the customer's name
 * and the customer's items (name, occupation, relations, account, the plate; the encrypted contact is removed), in
 * the same transaction. Findings, dates and files stay (a generated report PDF is kept as it was, with the masked
 * contact; see docs/security.md).
 */
@Component
class MajorAnonymisation {

	private final JdbcClient jdbc;

	MajorAnonymisation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(ComplaintsAnonymised event) {
		if (event.complaintIds().isEmpty()) {
			return;
		}
		// the contact is ciphertext: removed rather than overwritten
		jdbc.sql("delete from major_dossier_item where item = 'CUSTOMER_CONTACT' "
				+ "and major_id in (select id from major_complaint where complaint_id in (:ids))")
				.param("ids", event.complaintIds()).update();
		jdbc.sql("update major_dossier_item set text_value = '已匿名' where item in ('CUSTOMER_NAME', 'CUSTOMER_OCCUPATION', "
				+ "'CUSTOMER_RELATIONS', 'CUSTOMER_ACCOUNT', 'VEHICLE_PLATE') "
				+ "and major_id in (select id from major_complaint where complaint_id in (:ids))")
				.param("ids", event.complaintIds()).update();
		jdbc.sql("update major_complaint set customer_name = '已匿名', version = version + 1 where complaint_id in (:ids)")
				.param("ids", event.complaintIds()).update();
	}
}
