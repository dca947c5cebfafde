package com.kcm.complaint;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.kcm.shared.files.CheckedFile;
import com.kcm.shared.files.StoredFile;

/**
 * A screenshot of the post behind an online complaint (SPEC §4.4). The image, re-encoded without metadata,
 * lives in the upload directory under {@code storageName}, never under the name it was uploaded as.
 */
@Entity
@Table(name = "complaint_screenshot")
class Screenshot {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "complaint_id", nullable = false)
	private long complaintId;

	@Embedded
	private StoredFile file;

	protected Screenshot() {
	}

	Screenshot(long complaintId, CheckedFile image, String storageName, String originalName, String by, Instant at) {
		this.complaintId = complaintId;
		this.file = new StoredFile(image, storageName, originalName, by, at);
	}

	/** What the timeline says about it: number, name and size. */
	String describe() {
		String name = file.getOriginalName();
		return "#" + id + (name == null || name.isBlank() ? "" : " " + name) + " (" + file.getWidth() + "×"
				+ file.getHeight() + ")";
	}

	public Long getId() {
		return id;
	}

	public long getComplaintId() {
		return complaintId;
	}

	/** The stored file: type, size, pixels, stored and uploaded names, who and when. */
	public StoredFile getFile() {
		return file;
	}
}
