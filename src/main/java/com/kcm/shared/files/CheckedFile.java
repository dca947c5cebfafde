package com.kcm.shared.files;

/**
 * A file that passed {@link UploadChecks}: the bytes to store (re-encoded for images), its content type, the
 * extension of its stored name and, for images, its size in pixels.
 */
public record CheckedFile(String contentType, String extension, byte[] bytes, Integer width, Integer height) {

	/** A PDF the application made itself (a generated report): stored as it is. */
	public static CheckedFile pdf(byte[] bytes) {
		return new CheckedFile("application/pdf", "pdf", bytes, null, null);
	}

	public boolean isImage() {
		return contentType.startsWith("image/");
	}
}
