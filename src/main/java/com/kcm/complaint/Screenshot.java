package com.kcm.complaint;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.kcm.shared.files.CheckedFile;

/**
 * A screenshot of the post behind an online complaint (SPEC §4.4). The image, re-encoded without metadata,
 * lives in the upload directory under {@code storageName}, never under the name it was uploaded as.
 */
@Entity
@Table(name = "complaint_screenshot")
public class Screenshot {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "complaint_id", nullable = false)
	private long complaintId;

	@Column(name = "content_type", nullable = false)
	private String contentType;

	@Column(name = "size_bytes", nullable = false)
	private long sizeBytes;

	@Column(nullable = false)
	private int width;

	@Column(nullable = false)
	private int height;

	@Column(name = "storage_name", nullable = false)
	private String storageName;

	@Column(name = "original_name")
	private String originalName;

	@Column(name = "uploaded_by", nullable = false)
	private String uploadedBy;

	@Column(name = "uploaded_at", nullable = false)
	private Instant uploadedAt;

	protected Screenshot() {
	}

	Screenshot(long complaintId, CheckedFile image, String storageName, String originalName, String by, Instant at) {
		this.complaintId = complaintId;
		this.contentType = image.contentType();
		this.sizeBytes = image.bytes().length;
		this.width = image.width();
		this.height = image.height();
		this.storageName = storageName;
		this.originalName = originalName;
		this.uploadedBy = by;
		this.uploadedAt = at;
	}

	/** What the timeline says about it: number, name and size. */
	String describe() {
		return "#" + id + (originalName == null || originalName.isBlank() ? "" : " " + originalName) + " (" + width
				+ "×" + height + ")";
	}

	public Long getId() {
		return id;
	}

	public long getComplaintId() {
		return complaintId;
	}

	public String getContentType() {
		return contentType;
	}

	public long getSizeBytes() {
		return sizeBytes;
	}

	public int getWidth() {
		return width;
	}

	public int getHeight() {
		return height;
	}

	String getStorageName() {
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
