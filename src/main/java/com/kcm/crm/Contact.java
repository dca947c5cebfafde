package com.kcm.crm;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contact person of a key account; the phone is personal data, held only as ciphertext. */
@Entity
@Table(name = "key_account_contact")
class Contact {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "customer_id", nullable = false)
	private Long customerId;

	@Column(nullable = false)
	private String name;

	private String position;

	@Column(name = "phone_cipher")
	private String phoneCipher;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Contact() {
	}

	Contact(long customerId, String name, String position, String phoneCipher, Instant now) {
		this.customerId = customerId;
		this.name = name;
		this.position = position;
		this.phoneCipher = phoneCipher;
		this.createdAt = now;
	}

	Long getId() { return id; }
	Long getCustomerId() { return customerId; }
	String getName() { return name; }
	String getPosition() { return position; }
	String getPhoneCipher() { return phoneCipher; }
}
