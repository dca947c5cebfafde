package com.kcm.shared.files;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a table of uploaded files records about each one (embedded in the module's own entity): the checked
 * content type, size and pixels, the generated name it is stored under, the name it was uploaded as, and
 * who uploaded it when.
 */
@Embeddable
public class StoredFile {

	@Column(name = "content_type", nullable = false)
	private String contentType;

	@Column(name = "size_bytes", nullable = false)
	private long sizeBytes;

	private Integer width;

	private Integer height;

	@Column(name = "storage_name", nullable = false)
	private String storageName;

	@Column(name = "original_name")
	private String originalName;

	@Column(name = "uploaded_by", nullable = false)
	private String uploadedBy;

	@Column(name = "uploaded_at", nullable = false)
	private Instant uploadedAt;

	protected StoredFile() {
	}

	public StoredFile(CheckedFile file, String storageName, String originalName, String by, Instant at) {
		this.contentType = file.contentType();
		this.sizeBytes = file.bytes().length;
		this.width = file.width();
		this.height = file.height();
		this.storageName = storageName;
		this.originalName = originalName;
		this.uploadedBy = by;
		this.uploadedAt = at;
	}

	public boolean isImage() {
		return contentType.startsWith("image/");
	}

	public String getContentType() {
		return contentType;
	}

	public long getSizeBytes() {
		return sizeBytes;
	}

	public Integer getWidth() {
		return width;
	}

	public Integer getHeight() {
		return height;
	}

	public String getStorageName() {
		return storageName;
	}

	public String getOriginalName() {
		return originalName;
	}

	public String getUploadedBy() {
		return uploadedBy;
	}

	public Instant getUploadedAt() {
		return uploadedAt;
	}
}
