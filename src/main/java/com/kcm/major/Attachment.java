package com.kcm.major;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.kcm.shared.files.CheckedFile;

/**
 * A file of a major complaint: a photo of a dossier slot, official findings, claim materials, or a generated
 * report. The bytes live in the upload directory under {@code storageName}, never under the name uploaded.
 */
@Entity
@Table(name = "major_attachment")
class Attachment {

	/** Slots besides the dossier items. */
	static final String CLAIM_MATERIAL = "CLAIM_MATERIAL";
	static final String OTHER = "OTHER";
	static final String REPORT = "REPORT";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "major_id", nullable = false)
	private long majorId;

	@Column(nullable = false)
	private String slot;

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

	protected Attachment() {
	}

	Attachment(long majorId, String slot, CheckedFile file, String storageName, String originalName,
			String by, Instant at) {
		this.majorId = majorId;
		this.slot = slot;
		this.contentType = file.contentType();
		this.sizeBytes = file.bytes().length;
		this.width = file.width();
		this.height = file.height();
		this.storageName = storageName;
		this.originalName = originalName;
		this.uploadedBy = by;
		this.uploadedAt = at;
	}

	boolean isImage() {
		return contentType.startsWith("image/");
	}

	public Long getId() {
		return id;
	}

	public long getMajorId() {
		return majorId;
	}

	public String getSlot() {
		return slot;
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
