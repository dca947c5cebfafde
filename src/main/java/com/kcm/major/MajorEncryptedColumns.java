package com.kcm.major;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kcm.shared.crypto.EncryptedColumn;

/** The dossier's encrypted customer contact, for the key check after a restore. */
@Configuration(proxyBeanMethods = false)
class MajorEncryptedColumns {

	@Bean
	EncryptedColumn majorCustomerContact() {
		return new EncryptedColumn("major_dossier_item.customer_contact",
				"select text_value from major_dossier_item where item = 'CUSTOMER_CONTACT'", null);
	}
}
