package com.kcm.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention (SPEC §8): replaces a customer's personal data once its complaints are past the retention
 * period — the name by {@link #NAME}, phone and ID ciphertexts and their lookup hashes removed, occupation,
 * birthday, address and the class reason cleared, the plates of its vehicles removed. What statistics use stays:
 * the row and its id, kind, class, key-account flag, source, the vehicles with VIN, model and selling dealer.
 * Customers merged into one are anonymised with it. The caller decides who is due (the complaint module's
 * retention job) and audits the counts; personal data never goes into the audit trail here.
 */
@Service
public class CustomerAnonymisation {

	/** What an anonymised customer is called. */
	public static final String NAME = "已匿名客户";

	private final JdbcClient jdbc;

	CustomerAnonymisation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Anonymises the customers not anonymised yet (and those merged into them); returns how many rows changed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int anonymise(Collection<Long> customerIds, Instant now) {
		if (customerIds.isEmpty()) {
			return 0;
		}
		Timestamp at = Timestamp.from(now);
		jdbc.sql("update vehicle set plate = null, version = version + 1, updated_at = :now where plate is not null and "
				+ "owner_id in (select id from customer where (id in (:ids) or merged_into_id in (:ids)) and anonymised_at is null)")
				.param("ids", customerIds).param("now", at).update();
		return jdbc.sql("update customer set name = :name, name_key = :name, phone_cipher = null, phone_hash = null, "
				+ "phone2_cipher = null, phone2_hash = null, id_number_cipher = null, id_number_hash = null, occupation = null, "
				+ "birthday = null, address = null, class_reason = null, marketing_consent = false, anonymised_at = :now, "
				+ "updated_at = :now, version = version + 1 where (id in (:ids) or merged_into_id in (:ids)) and anonymised_at is null")
				.param("name", NAME).param("ids", customerIds).param("now", at).update();
	}
}
