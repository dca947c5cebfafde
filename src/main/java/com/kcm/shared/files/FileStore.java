package com.kcm.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import com.kcm.shared.domain.ValidationException;

/**
 * The upload directory: outside the web root (by default {@code ${KCM_DATA_DIR}/uploads}, set
 * {@code KCM_UPLOAD_DIR} to move it), files under generated names only. It knows nothing of who may read a
 * file: each module serves its files only after checking that the caller may see what they belong to.
 */
@Component
public class FileStore {

	private final Path root;

	FileStore(@Value("${kcm.uploads.dir}") String dir) {
		this.root = Path.of(dir).toAbsolutePath().normalize();
	}

	/** Writes the bytes under a new generated name and answers that name. */
	public String write(byte[] bytes, String extension) {
		String name = UUID.randomUUID() + "." + extension;
		try {
			Files.createDirectories(root);
			Files.write(root.resolve(name), bytes, StandardOpenOption.CREATE_NEW);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return name;
	}

	public byte[] read(String storageName) {
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

	public void delete(String storageName) {
		try {
			Files.deleteIfExists(root.resolve(storageName).normalize());
		} catch (IOException e) {
			// an orphan file is harmless: it is never served without its row
		}
	}

	/** The name a file was uploaded under, for display only: no path, no control characters, at most 200 characters. */
	public static String originalName(String filename) {
		if (filename == null) {
			return null;
		}
		String n = filename.replace('\\', '/');
		n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
		return n.length() > 200 ? n.substring(n.length() - 200) : n;
	}

	/** The bytes of a multipart part; an absent or empty part is refused naming {@code field}. */
	public static byte[] content(MultipartFile file, String field) {
		if (file == null || file.isEmpty()) {
			throw ValidationException.of(field, "upload.empty");
		}
		try {
			return file.getBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A stored file as an HTTP answer: its own content type, never sniffed, never cached by shared caches, shown
	 * inline or offered as a download under its original name.
	 */
	public static ResponseEntity<byte[]> response(String contentType, String name, byte[] bytes, boolean attachment) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						(attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
								.filename(name, StandardCharsets.UTF_8).build().toString())
				.header("X-Content-Type-Options", "nosniff")
				.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
				.body(bytes);
	}
}
