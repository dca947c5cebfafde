package com.kcm.crm;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;

/**
 * Communication-log entries written by the system rather than a user (SPEC §7.1): an SMS the application sent
 * to a customer (a care message) or one a customer sent in (a reply through the gateway). They carry
 * {@link #SYSTEM_USER_ID} and the name of the sender ({@code recordedBy}); like every entry they are never
 * edited, and audited. No scope: the calling module has decided which customer it writes to.
 */
@Service
public class SystemCommunications {

	/** The user id of entries written by the system (no user has it). */
	public static final long SYSTEM_USER_ID = 0L;

	private final CommunicationRepository entries;
	private final Audit audit;
	private final Clock clock;

	SystemCommunications(CommunicationRepository entries, Audit audit, Clock clock) {
		this.entries = entries;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Logs an SMS on the customer's communication log, inbound (from the customer) or outbound, at the instant,
	 * with a summary (cut to 2,000 characters), in the caller's transaction; answers the entry's id.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public long logSms(long customerId, boolean inbound, Instant at, String recordedBy, String summary) {
		String text = summary.length() > 2000 ? summary.substring(0, 2000) : summary;
		String by = recordedBy.length() > 100 ? recordedBy.substring(0, 100) : recordedBy;
		CommunicationEntry e = entries.save(new CommunicationEntry(customerId, CommunicationEntry.Channel.SMS,
				inbound ? CommunicationEntry.Direction.IN : CommunicationEntry.Direction.OUT, at, SYSTEM_USER_ID, by, null,
				text, null, null, clock.instant()));
		audit.changed(Audit.CREATE, Communications.TYPE, e.getId(), null, Communications.CommunicationAnswer.of(e));
		return e.getId();
	}
}
