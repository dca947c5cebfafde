package com.kcm.major;

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

	@Embedded
	private StoredFile file;

	protected Attachment() {
	}

	Attachment(long majorId, String slot, CheckedFile file, String storageName, String originalName,
			String by, Instant at) {
		this.majorId = majorId;
		this.slot = slot;
		this.file = new StoredFile(file, storageName, originalName, by, at);
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

	/** The stored file: type, size, pixels, stored and uploaded names, who and when. */
	public StoredFile getFile() {
		return file;
	}
}
