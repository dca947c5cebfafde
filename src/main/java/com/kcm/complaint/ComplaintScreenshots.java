package com.kcm.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import com.kcm.audit.Audit;
import com.kcm.identity.Role;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.files.CheckedFile;
import com.kcm.shared.files.FileStore;
import com.kcm.shared.files.UploadChecks;

/**
 * Screenshots of the post behind an online complaint (SPEC §4.4): attached by after-sales (or the region's staff)
 * at registration or afterwards, images only, checked by content and re-encoded without metadata, each one a line
 * of the complaint's timeline and of the audit trail; served only to those who may see the complaint.
 */
@Service
public class ComplaintScreenshots {

	/** One uploaded file as it came: the name it was sent under and its bytes. */
	public record Upload(String filename, byte[] content) {

		/** A multipart part; an absent or empty part is refused naming {@code field}. */
		public static Upload of(MultipartFile file, String field) {
			return new Upload(file == null ? null : file.getOriginalFilename(), FileStore.content(file, field));
		}
	}

	/**
	 * A screenshot's image for the answer: the name to show it under (the one it was uploaded as, or a made-up one),
	 * its content type and its bytes.
	 */
	public record Download(String name, String contentType, byte[] bytes) {

		static Download of(Screenshot screenshot, byte[] bytes) {
			String name = screenshot.getFile().getOriginalName() == null ? "screenshot-" + screenshot.getId()
					: screenshot.getFile().getOriginalName();
			return new Download(name, screenshot.getFile().getContentType(), bytes);
		}
	}

	private static final EnumSet<Role> ATTACHERS = EnumSet.of(Role.AFTER_SALES, Role.REGIONAL);

	private final ComplaintAccess access;
	private final ComplaintIntake intake;
	private final ScreenshotRepository screenshots;
	private final ComplaintRepository complaints;
	private final UploadChecks checks;
	private final FileStore files;
	private final Audit audit;
	private final Clock clock;

	ComplaintScreenshots(ComplaintAccess access, ComplaintIntake intake, ScreenshotRepository screenshots,
			ComplaintRepository complaints, UploadChecks checks, FileStore files, Audit audit, Clock clock) {
		this.access = access;
		this.intake = intake;
		this.screenshots = screenshots;
		this.complaints = complaints;
		this.checks = checks;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Attaches screenshots to an online complaint the caller may see. Every file is checked before any is stored;
	 * a refused one names {@code field} and nothing is attached.
	 */
	@Transactional
	public void attach(long complaintId, String field, List<Upload> uploads) {
		attached(complaintId, field, uploads);
	}

	/** {@link #attach}, answering the screenshots stored. */
	@Transactional
	List<Screenshot> attached(long complaintId, String field, List<Upload> uploads) {
		Complaint c = access.load(complaintId);
		access.require(ATTACHERS);
		requireOnline(c);
		if (uploads.isEmpty()) {
			throw ValidationException.of(field, "upload.empty");
		}
		return save(c, uploads, check(field, uploads));
	}

	/**
	 * Registers an online complaint with the screenshots of its post, in one transaction of its own (call it
	 * outside one): the files are checked first, and a registration found again by its idempotency key attaches
	 * nothing more.
	 */
	public ComplaintIntake.Registered registerOnline(IntakeCommand cmd, String idempotencyKey, String canonicalBody,
			String field, List<Upload> uploads) {
		List<CheckedFile> checked = check(field, uploads);
		return intake.once(cmd, idempotencyKey, canonicalBody, () -> {
			ComplaintIntake.Registered r = intake.register(cmd, idempotencyKey, canonicalBody);
			if (uploads.isEmpty()) {
				return r;
			}
			Complaint managed = complaints.findById(r.complaint().getId()).orElseThrow(); // written by plain JDBC
			requireOnline(managed);
			save(managed, uploads, checked);
			return new ComplaintIntake.Registered(managed, r.created());
		});
	}

	/** The screenshots of a complaint the caller may see, oldest first. */
	@Transactional(readOnly = true)
	List<Screenshot> of(long complaintId) {
		access.load(complaintId);
		return screenshots.findByComplaintIdOrderByIdAsc(complaintId);
	}

	/** The image: 404 (the attempt audited) unless the caller may see the complaint it belongs to. */
	@Transactional(readOnly = true)
	public Download download(long complaintId, long screenshotId) {
		try {
			access.load(complaintId);
		} catch (NotFoundException e) {
			audit.notVisible("complaint_screenshot", screenshotId);
			throw new NotFoundException("screenshot", screenshotId);
		}
		Screenshot s = screenshots.findByIdAndComplaintId(screenshotId, complaintId)
				.orElseThrow(() -> new NotFoundException("screenshot", screenshotId));
		return Download.of(s, files.read(s.getFile().getStorageName()));
	}

	private List<CheckedFile> check(String field, List<Upload> uploads) {
		List<CheckedFile> checked = new ArrayList<>();
		for (Upload u : uploads) {
			checked.add(checks.check(field, u.content(), true));
		}
		return checked;
	}

	private List<Screenshot> save(Complaint c, List<Upload> uploads, List<CheckedFile> checked) {
		String actor = access.user().username();
		Instant now = clock.instant();
		List<Screenshot> saved = new ArrayList<>();
		for (int i = 0; i < checked.size(); i++) {
			CheckedFile f = checked.get(i);
			String name = files.write(f.bytes(), f.extension());
			Screenshot s = screenshots.save(new Screenshot(c.getId(), f, name,
					FileStore.originalName(uploads.get(i).filename()), actor, now));
			c.recordScreenshot(s.describe(), now, new Actor(actor));
			audit.changed(Audit.CREATE, "complaint_screenshot", s.getId(), null,
					Map.of("complaint", c.getId(), "type", f.contentType(), "size", f.bytes().length, "name",
							s.getFile().getOriginalName() == null ? "" : s.getFile().getOriginalName()));
			saved.add(s);
		}
		complaints.flush();
		return saved;
	}

	private static void requireOnline(Complaint c) {
		if (c.getChannel() != Channel.ONLINE) {
			throw new DomainException("complaint.screenshot.notOnline");
		}
	}
}
