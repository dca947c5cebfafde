package com.kcm.major;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The upload directory: outside the web root (by default {@code ${KCM_DATA_DIR}/uploads}, set
 * {@code KCM_UPLOAD_DIR} to move it), files under generated names only, read back only through the
 * attachment download that checks who may see the complaint.
 */
@Component
class AttachmentStore {

	private final Path root;

	AttachmentStore(@Value("${kcm.major.upload-dir}") String dir) {
		this.root = Path.of(dir).toAbsolutePath().normalize();
	}

	/** Writes the bytes under a new generated name and answers that name. */
	String write(byte[] bytes, String extension) {
		String name = UUID.randomUUID() + "." + extension;
		try {
			Files.createDirectories(root);
			Files.write(root.resolve(name), bytes, StandardOpenOption.CREATE_NEW);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return name;
	}

	byte[] read(String storageName) {
		Path p = root.resolve(storageName).normalize();
		if (!p.startsWith(root)) {
			throw new IllegalArgumentException("outside the upload directory");
		}
		try {
			return Files.readAllBytes(p);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void delete(String storageName) {
		try {
			Files.deleteIfExists(root.resolve(storageName).normalize());
		} catch (IOException e) {
			// an orphan file is harmless: it is never served without its row
		}
	}
}
