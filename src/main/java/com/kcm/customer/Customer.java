package com.kcm.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer (客户): a person or organisation owning vehicles. Phone and ID numbers are held only as
 * ciphertext plus keyed lookup hashes, set through {@link PersonalData}; nothing here ever sees them in
 * clear. A customer merged into another keeps its row with {@code mergedIntoId} and disappears from
 * lists and lookups.
 */
@Entity
@Table(name = "customer")
class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
	@SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private String name;

	@Column(name = "name_key", nullable = false)
	private String nameKey;

	@Column(name = "phone_cipher")
	private String phoneCipher;

	@Column(name = "phone_hash")
	private String phoneHash;

	@Column(name = "phone2_cipher")
	private String phone2Cipher;

	@Column(name = "phone2_hash")
	private String phone2Hash;

	@Column(name = "id_number_cipher")
	private String idNumberCipher;

	@Column(name = "id_number_hash")
	private String idNumberHash;

	private String occupation;

	private LocalDate birthday;

	private String address;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CustomerKind kind;

	@Enumerated(EnumType.STRING)
	@Column(name = "customer_class")
	private CustomerClass customerClass;

	@Column(name = "class_reason")
	private String classReason;

	/** The class the policy rule gives (SPEC §7.2), kept by the crm module; the manual class wins over it. */
	@Enumerated(EnumType.STRING)
	@Column(name = "computed_class")
	private CustomerClass computedClass;

	@Column(name = "key_account", nullable = false)
	private boolean keyAccount;

	@Column(name = "account_manager_user_id")
	private Long accountManagerUserId;

	@Column(name = "account_manager_name")
	private String accountManagerName;

	@Column(name = "marketing_consent", nullable = false)
	private boolean marketingConsent;

	private String source;

	@Column(name = "merged_into_id")
	private Long mergedIntoId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Customer() {
	}

	Customer(String name, CustomerKind kind, Instant now) {
		rename(name);
		this.kind = kind;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void rename(String name) {
		this.name = name.strip();
		this.nameKey = nameKey(this.name);
	}

	static String nameKey(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

	void describe(CustomerKind kind, String occupation, LocalDate birthday, String address, boolean marketingConsent,
			String source) {
		this.kind = kind;
		this.occupation = occupation;
		this.birthday = birthday;
		this.address = address;
		this.marketingConsent = marketingConsent;
		this.source = source;
	}

	void phones(PersonalData.Sealed phone, PersonalData.Sealed phone2) {
		this.phoneCipher = phone.cipher();
		this.phoneHash = phone.hash();
		this.phone2Cipher = phone2.cipher();
		this.phone2Hash = phone2.hash();
	}

	void idNumber(PersonalData.Sealed id) {
		this.idNumberCipher = id.cipher();
		this.idNumberHash = id.hash();
	}

	/** Set by hand; the reason is kept here and, with the previous class, in the audit trail. */
	void classify(CustomerClass customerClass, String reason) {
		this.customerClass = customerClass;
		this.classReason = reason;
	}

	void computed(CustomerClass computedClass) {
		this.computedClass = computedClass;
	}

	/** The class in force: the one set by hand, else the computed one (C until computed). */
	public CustomerClass effectiveClass() {
		return customerClass != null ? customerClass : computedClass != null ? computedClass : CustomerClass.C;
	}

	void keyAccount(boolean keyAccount, Long managerUserId, String managerName) {
		this.keyAccount = keyAccount;
		this.accountManagerUserId = keyAccount ? managerUserId : null;
		this.accountManagerName = keyAccount ? managerName : null;
	}

	/** Takes over what the merged customer knew and this one did not. */
	void absorb(Customer other) {
		if (phone2Hash == null && other.phoneHash != null && !other.phoneHash.equals(phoneHash)) {
			phone2Cipher = other.phoneCipher;
			phone2Hash = other.phoneHash;
		}
		if (idNumberHash == null) {
			idNumberCipher = other.idNumberCipher;
			idNumberHash = other.idNumberHash;
		}
		occupation = occupation == null ? other.occupation : occupation;
		birthday = birthday == null ? other.birthday : birthday;
		address = address == null ? other.address : address;
	}

	void mergeInto(long survivorId) {
		if (mergedIntoId != null) {
			throw new com.kcm.shared.domain.DomainException("customer.merge.alreadyMerged", id);
		}
		this.mergedIntoId = survivorId;
	}

	void touched(Instant now) {
		this.updatedAt = now;
	}

	/**
	 * The row of a customer registered by intake, written with plain JDBC in the intake's batch (ADR 0002, issue
	 * 17); the id is given here. Every mapped column, as JPA writes it ({@code IntakePartiesTests} holds it so).
	 */
	com.kcm.shared.sql.Insert insertRow(long newId) {
		if (id != null) {
			throw new IllegalStateException("only a new customer is written as a row");
		}
		id = newId;
		return com.kcm.shared.sql.Insert.into("customer").value("id", id).value("name", name).value("name_key", nameKey)
				.value("phone_cipher", phoneCipher).value("phone_hash", phoneHash).value("phone2_cipher", phone2Cipher)
				.value("phone2_hash", phone2Hash).value("id_number_cipher", idNumberCipher)
				.value("id_number_hash", idNumberHash).value("occupation", occupation).value("birthday", birthday)
				.value("address", address).value("kind", kind).value("customer_class", customerClass)
				.value("class_reason", classReason).value("computed_class", computedClass)
				.value("key_account", keyAccount).value("account_manager_user_id", accountManagerUserId)
				.value("account_manager_name", accountManagerName).value("marketing_consent", marketingConsent)
				.value("source", source).value("merged_into_id", mergedIntoId).value("created_at", createdAt)
				.value("updated_at", updatedAt).value("version", version);
	}

	public boolean isMerged() {
		return mergedIntoId != null;
	}

	public Long getId() { return id; }
	public String getName() { return name; }
	String getPhoneCipher() { return phoneCipher; }
	String getPhoneHash() { return phoneHash; }
	String getPhone2Cipher() { return phone2Cipher; }
	String getPhone2Hash() { return phone2Hash; }
	String getIdNumberCipher() { return idNumberCipher; }
	String getIdNumberHash() { return idNumberHash; }
	public String getOccupation() { return occupation; }
	public LocalDate getBirthday() { return birthday; }
	public String getAddress() { return address; }
	public CustomerKind getKind() { return kind; }
	public CustomerClass getCustomerClass() { return customerClass; }
	public String getClassReason() { return classReason; }
	public CustomerClass getComputedClass() { return computedClass; }
	public boolean isKeyAccount() { return keyAccount; }
	public Long getAccountManagerUserId() { return accountManagerUserId; }
	public String getAccountManagerName() { return accountManagerName; }
	public boolean isMarketingConsent() { return marketingConsent; }
	public String getSource() { return source; }
	public Long getMergedIntoId() { return mergedIntoId; }
	public Instant getCreatedAt() { return createdAt; }
	public Instant getUpdatedAt() { return updatedAt; }
}
