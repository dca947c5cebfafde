package com.kcm.customer;

import org.springframework.stereotype.Component;

import com.kcm.shared.Masking;
import com.kcm.shared.crypto.PersonalDataCipher;

/**
 * The one place where customer phone and ID numbers meet the cipher: sealing a normalised value gives
 * the ciphertext to store and the keyed hash to look it up by; opening gives it back for a reveal, or
 * masked for everything else.
 */
@Component
class PersonalData {

	/** What is stored for one value. */
	record Sealed(String cipher, String hash) {
		static final Sealed NONE = new Sealed(null, null);
	}

	private final PersonalDataCipher cipher;

	PersonalData(PersonalDataCipher cipher) {
		this.cipher = cipher;
	}

	Sealed seal(MobilePhone phone) {
		return phone == null ? Sealed.NONE : new Sealed(cipher.encrypt(phone.value()), hash(phone));
	}

	/** {@link #seal(MobilePhone)} with the lookup hash already computed (intake hashed it to look the caller up). */
	Sealed seal(MobilePhone phone, String hash) {
		return phone == null ? Sealed.NONE : new Sealed(cipher.encrypt(phone.value()), hash != null ? hash : hash(phone));
	}

	Sealed seal(IdCardNumber id) {
		return id == null ? Sealed.NONE : new Sealed(cipher.encrypt(id.value()), hash(id));
	}

	String hash(MobilePhone phone) {
		return cipher.lookupHash("phone:" + phone.value());
	}

	String hash(IdCardNumber id) {
		return cipher.lookupHash("id:" + id.value());
	}

	String open(String stored) {
		return cipher.decrypt(stored);
	}

	String phone(String stored, boolean reveal) {
		String plain = open(stored);
		return reveal ? plain : Masking.phone(plain);
	}

	String idNumber(String stored, boolean reveal) {
		String plain = open(stored);
		return reveal ? plain : Masking.idNumber(plain);
	}
}
