package com.kcm.major;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.identity.Role;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.files.CheckedFile;
import com.kcm.shared.files.FileStore;
import com.kcm.shared.files.UploadChecks;
import com.kcm.shared.pdf.PdfDocument;

/**
 * The files of a major complaint: uploads (checked by content, images re-encoded without metadata, stored
 * under generated names), downloads only for those who may see the complaint, and the written report
 * 关于某某客户抱怨的报告, generated as a PDF from the dossier for the dealer to check and submit.
 */
@Service
class MajorFiles {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfig.BUSINESS_ZONE);
	private static final Locale REPORT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	/** A file and its bytes, for the download. */
	record Download(Attachment attachment, byte[] bytes) {
	}

	private final MajorAccess access;
	private final MajorComplaintRepository majors;
	private final AttachmentRepository attachments;
	private final DossierEntryRepository dossier;
	private final MajorComplaints complaints;
	private final UploadChecks checks;
	private final FileStore store;
	private final DealerCatalog dealers;
	private final MessageSource messages;
	private final Audit audit;
	private final Clock clock;

	MajorFiles(MajorAccess access, MajorComplaintRepository majors, AttachmentRepository attachments,
			DossierEntryRepository dossier, MajorComplaints complaints, UploadChecks checks, FileStore store,
			DealerCatalog dealers, MessageSource messages, Audit audit, Clock clock) {
		this.access = access;
		this.majors = majors;
		this.attachments = attachments;
		this.dossier = dossier;
		this.complaints = complaints;
		this.checks = checks;
		this.store = store;
		this.dealers = dealers;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Stores one upload in a slot: a photo item of the dossier (images only), the official findings, claim
	 * materials or other (images or PDF). A dossier slot voids a report generated before.
	 */
	@Transactional
	Attachment upload(long majorId, String slot, String filename, byte[] content) {
		MajorComplaint m = access.load(majorId);
		access.require(MajorComplaints.ON_SITE);
		String s = slot == null ? "" : slot.trim();
		DossierItem item = MajorComplaints.parseItem(s);
		boolean dossierSlot = item != null && item.takesFile();
		if (!dossierSlot && !Attachment.CLAIM_MATERIAL.equals(s) && !Attachment.OTHER.equals(s)) {
			throw ValidationException.of("slot", "major.upload.slot", s);
		}
		if (dossierSlot) {
			m.requireDossierOpen();
		} else {
			m.requireFlagged();
		}
		CheckedFile checked = checks.check("file", content, item != null && item.kind == DossierItem.Kind.PHOTO);
		String name = store.write(checked.bytes(), checked.extension());
		Attachment a = attachments.save(new Attachment(majorId, s, checked, name, FileStore.originalName(filename), access.actor(),
				clock.instant()));
		if (dossierSlot) {
			m.dossierChanged();
			majors.save(m);
		}
		audit.changed(Audit.CREATE, "major_attachment", a.getId(), null,
				Map.of("major", majorId, "slot", s, "type", checked.contentType(), "size", checked.bytes().length));
		return a;
	}

	/** A file for download: 404 (audited) unless the caller may see the complaint it belongs to. */
	@Transactional(readOnly = true)
	Download download(long attachmentId) {
		Attachment a = attachments.findById(attachmentId)
				.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
		try {
			access.load(a.getMajorId());
		} catch (NotFoundException e) {
			audit.notVisible("major_attachment", attachmentId);
			throw new NotFoundException("attachment", attachmentId);
		}
		return new Download(a, store.read(a.getFile().getStorageName()));
	}

	/** Generates the written report from the dossier as it stands; the dealer checks it, then submits it. */
	@Transactional
	Attachment generateReport(long majorId) {
		MajorComplaint m = access.load(majorId);
		access.require(EnumSet.of(Role.DEALER, Role.AFTER_SALES));
		m.requireDossierOpen();
		byte[] pdf = report(m);
		String name = store.write(pdf, "pdf");
		Instant now = clock.instant();
		Attachment a = attachments.save(new Attachment(majorId, Attachment.REPORT,
				CheckedFile.pdf(pdf), name,
				reportTitle(m) + ".pdf", access.actor(), now));
		m.reportGenerated(a.getId(), now);
		majors.saveAndFlush(m);
		audit.changed(Audit.CREATE, "major_report", a.getId(), null, Map.of("major", majorId));
		return a;
	}

	@Transactional
	void submitReport(long majorId) {
		MajorComplaint m = access.load(majorId);
		access.require(EnumSet.of(Role.DEALER, Role.AFTER_SALES));
		MajorComplaints.Snapshot before = MajorComplaints.snapshot(m);
		m.submitReport(access.actor(), clock.instant());
		majors.saveAndFlush(m);
		audit.changed(Audit.UPDATE, "major_complaint", majorId, before, MajorComplaints.snapshot(m));
	}

	/** Records an export of the list in the audit trail. */
	void exported(int rows) {
		audit.event(Audit.EXPORT, "major_complaint", null, "rows=" + rows);
	}

	String reportTitle(MajorComplaint m) {
		return text("major.report.title", m.getCustomerName());
	}

	private byte[] report(MajorComplaint m) {
		Map<DossierItem, String> values = new LinkedHashMap<>();
		dossier.findByMajorId(m.getId()).forEach(e -> values.put(e.getItem(), complaints.plain(e)));
		List<Attachment> files = attachments.findByMajorIdOrderByIdAsc(m.getId());
		String dealer = dealers.byId(m.getDealerId()).map(d -> d.label()).orElse("—");
		return PdfDocument.bytes(reportTitle(m), body -> {
			body.heading(reportTitle(m));
			body.subheading(text("major.report.basics"));
			body.field(text("major.field.complaint"), String.valueOf(m.getComplaintId()));
			body.field(text("major.field.dealer"), dealer);
			body.field(text("major.field.triggers"), String.join("、",
					m.triggerSet().stream().map(t -> text("major.trigger." + t.name())).toList()));
			body.field(text("major.field.triggerNote"), m.getTriggerNote());
			body.field(text("major.field.flaggedAt"), time(m.getFlaggedAt()));
			body.field(text("major.field.phoneReportedAt"), m.getPhoneReportedAt() == null ? null
					: time(m.getPhoneReportedAt()) + "（" + m.getPhoneReportedTo() + "）");
			for (DossierItem.Group group : DossierItem.Group.values()) {
				body.subheading(text("major.group." + group.name()));
				for (DossierItem item : DossierItem.values()) {
					if (item.group != group) {
						continue;
					}
					if (item.kind == DossierItem.Kind.PHOTO) {
						List<Attachment> photos = files.stream().filter(a -> a.getSlot().equals(item.name())).toList();
						body.field(text("major.item." + item.name()), photos.isEmpty() ? text("major.missing") : text("major.present"));
						for (Attachment p : photos) {
							body.image(store.read(p.getFile().getStorageName()), 220f);
						}
					} else {
						String value = values.get(item);
						if (item.personal()) {
							value = MajorComplaints.shown(item, value);
						}
						long filesOfItem = files.stream().filter(a -> a.getSlot().equals(item.name())).count();
						if (value == null && filesOfItem > 0) {
							value = text("major.report.filesAttached", filesOfItem);
						}
						body.field(text("major.item." + item.name()), value == null ? text("major.missing") : value);
					}
				}
			}
			body.paragraph(text("major.report.generated", time(clock.instant()), access.actor()));
		});
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, REPORT_LOCALE);
	}

	static String time(Instant i) {
		return i == null ? null : TIME.format(i);
	}
}
