package com.kcm.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of text (UTF-8), with one digest per thread: {@code MessageDigest.getInstance} looks the algorithm up
 * in the security providers on every call, which showed in the profile of every API call (issue 17).
 */
public final class Sha256 {

	private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	});

	private Sha256() {
	}

	/** The digest of {@code text} ({@code null} counts as empty). */
	public static byte[] of(String text) {
		MessageDigest digest = DIGEST.get();
		digest.reset();
		return digest.digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
	}

	/** The digest of {@code text} in lower-case hex (64 characters). */
	public static String hex(String text) {
		return HexFormat.of().formatHex(of(text));
	}
}
