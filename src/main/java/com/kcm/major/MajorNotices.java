package com.kcm.major;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What notifications need to know about a major complaint, unscoped (the caller is the application reacting
 * to an event): whether its written report is still awaited, and the link to its page.
 */
@Service
@Transactional(readOnly = true)
public class MajorNotices {

	private final MajorComplaintRepository majors;

	MajorNotices(MajorComplaintRepository majors) {
		this.majors = majors;
	}

	/** True while the major complaint is open and its report not submitted. */
	public boolean reportPending(long majorId) {
		return majors.findById(majorId).map(m -> m.getStatus() == MajorStatus.OPEN).orElse(false);
	}

	/** The path of the major complaint's page, for links in messages. */
	public static String path(long majorId) {
		return "/major-complaints/" + majorId;
	}

	Optional<MajorStatus> status(long majorId) {
		return majors.findById(majorId).map(MajorComplaint::getStatus);
	}
}
