package com.kcm.customer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kcm.shared.crypto.EncryptedColumn;

/** The customer's encrypted numbers and their lookup hashes, for the key check after a restore. */
@Configuration(proxyBeanMethods = false)
class CustomerEncryptedColumns {

	@Bean
	EncryptedColumn customerPhone() {
		return new EncryptedColumn("customer.phone", "select phone_cipher, phone_hash from customer", "phone:");
	}

	@Bean
	EncryptedColumn customerPhone2() {
		return new EncryptedColumn("customer.phone2", "select phone2_cipher, phone2_hash from customer", "phone:");
	}

	@Bean
	EncryptedColumn customerIdNumber() {
		return new EncryptedColumn("customer.id_number", "select id_number_cipher, id_number_hash from customer", "id:");
	}
}
