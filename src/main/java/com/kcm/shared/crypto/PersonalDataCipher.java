package com.kcm.shared.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data (phone and ID numbers) for storage with AES-256-GCM and derives keyed
 * lookup hashes (HMAC-SHA256) so a phone can be found without decrypting every row.
 * <p>
 * The master key comes from {@code kcm.crypto.key} (base64 of 32 bytes, environment
 * {@code KCM_ENCRYPTION_KEY}). When none is configured — the embedded default — a key is generated at
 * first start and kept beside the data in {@code kcm.key}; losing that file loses the data, so it is
 * part of every backup (see docs/operations.md).
 */
@Component
public class PersonalDataCipher {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);
	private static final String PREFIX = "v1:";
	private static final int IV_BYTES = 12;

	private final SecretKeySpec encryptionKey;
	private final SecretKeySpec lookupKey;
	private final SecureRandom random = new SecureRandom();
	/**
	 * One cipher and one keyed MAC per thread, initialised again for each use: looking them up in the security
	 * providers on every call was half the cost of encrypting a new caller's phone (issue 17).
	 */
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	});
	private final ThreadLocal<Mac> lookupMacs;

	PersonalDataCipher(@Value("${kcm.crypto.key:}") String configuredKey,
			@Value("${kcm.data-dir:./data}") String dataDir,
			@Value("${spring.datasource.url:}") String datasourceUrl) {
		byte[] master = masterKey(configuredKey, Path.of(dataDir), datasourceUrl);
		this.encryptionKey = new SecretKeySpec(derive(master, "kcm-encryption"), "AES");
		this.lookupKey = new SecretKeySpec(derive(master, "kcm-lookup"), "HmacSHA256");
		SecretKeySpec key = this.lookupKey;
		this.lookupMacs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(key);
				return mac;
			} catch (GeneralSecurityException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	/** Ciphertext for storage; {@code null} stays {@code null}. */
	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
			byte[] ct = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + ct.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(ct, 0, out, iv.length, ct.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("encryption failed", e);
		}
	}

	public String decrypt(String stored) {
		if (stored == null) {
			return null;
		}
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("unknown ciphertext format");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, in, 0, IV_BYTES));
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("decryption failed: wrong key or damaged data", e);
		}
	}

	/** Keyed hash of an already normalised value, for equality lookups. */
	public String lookupHash(String normalized) {
		if (normalized == null) {
			return null;
		}
		// doFinal leaves the MAC reset, with its key, for the next value
		return HexFormat.of().formatHex(lookupMacs.get().doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] derive(byte[] master, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] masterKey(String configured, Path dataDir, String datasourceUrl) {
		if (configured != null && !configured.isBlank()) {
			byte[] key = Base64.getDecoder().decode(configured.trim());
			if (key.length != 32) {
				throw new IllegalStateException("KCM_ENCRYPTION_KEY must be the base64 of 32 bytes");
			}
			return key;
		}
		if (datasourceUrl != null && !datasourceUrl.isBlank() && !datasourceUrl.startsWith("jdbc:h2:")) {
			throw new IllegalStateException(
					"KCM_ENCRYPTION_KEY is required with an external database (see docs/operations.md)");
		}
		Path file = dataDir.resolve("kcm.key");
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).trim());
			}
			Files.createDirectories(dataDir);
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			} catch (UnsupportedOperationException ignored) {
				// not a POSIX file system
			}
			log.warn("Generated a new personal-data key at {} — back it up with the database", file.toAbsolutePath());
			return key;
		} catch (IOException e) {
			throw new IllegalStateException("cannot read or create the key file " + file, e);
		}
	}
}
