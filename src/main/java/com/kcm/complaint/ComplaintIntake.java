package com.kcm.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import com.kcm.customer.IntakeParties;
import com.kcm.identity.Role;
import com.kcm.shared.crypto.Sha256;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violations;
import com.kcm.shared.sql.GroupCommit;
import com.kcm.shared.sql.Inserts;
import com.kcm.shared.sql.Row;
import com.kcm.shared.web.DatabaseOutage;
import com.kcm.shared.web.RequestTurns;

/**
 * Registers cases (SPEC §4.2 step 1, Appendix A intake): finds or creates the customer by phone and the
 * vehicle by VIN ({@link IntakeParties}: one lookup, and the rows of new ones written in the complaint's
 * batch), marks key-account customers green channel, and honours {@code Idempotency-Key}: the same key
 * with the same body returns the complaint created first, with another body it is refused.
 */
@Service
public class ComplaintIntake {

	/** The outcome: the complaint, and whether it was created now (201) or found by its key (200). */
	public record Registered(Complaint complaint, boolean created) {

		/** The registered complaint's id: what code outside the package reads of it. */
		public long complaintId() {
			return complaint.getId();
		}
	}

	static final int MAX_KEY_LENGTH = 200;

	private final ComplaintRepository complaints;
	private final IntakeParties parties;
	private final Inserts inserts;
	private final ComplaintAccess access;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final TransactionTemplate transaction;
	private final RegistrationWrite registration;
	private final GroupCommit<Prepared> group;

	ComplaintIntake(ComplaintRepository complaints, IntakeParties parties, Inserts inserts,
			ComplaintAccess access, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions, RegistrationWrite registration,
			@Value("${kcm.intake.group-commit:true}") boolean groupCommit,
			@Value("${kcm.intake.group-commit-max:32}") int groupMax) {
		this.complaints = complaints;
		this.parties = parties;
		this.inserts = inserts;
		this.access = access;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.registration = registration;
		this.group = groupCommit ? new GroupCommit<>("intake-group-commit", groupMax, this::writeGroup,
				DatabaseOutage::isOutage) : null;
	}

	/** Writes what waits in the group commit before the database connections close. */
	@PreDestroy
	void close() {
		if (group != null) {
			group.close();
		}
	}

	/**
	 * A registration checked and built on the caller's thread: the complaint (its id assigned), the rows to write,
	 * the events to publish once they are written, and the caller's security context and request, under which the
	 * events are published when another thread writes the rows.
	 */
	record Prepared(Complaint complaint, List<Row> rows, List<Object> events, SecurityContext security,
			RequestAttributes request) {
	}

	/**
	 * Registers a case once per {@code Idempotency-Key}, in a transaction of its own (call it outside one): a new
	 * key registers a complaint (201), a repeated key answers with the complaint it registered (200), or is
	 * refused when the body differs (422).
	 * <p>
	 * The case is checked and built here, its customer and vehicle looked up without a transaction (one read);
	 * its rows are then written by the group commit ({@link GroupCommit}, docs/decisions.md): with the rows of the
	 * other registrations waiting at that moment, in one transaction, this call returning once it has committed.
	 * A registration the database refuses (the key was used before, a VIN registered meanwhile) is answered as
	 * {@link #once} does. {@code kcm.intake.group-commit=false} writes each registration in its own transaction.
	 */
	public Registered registerOnce(IntakeCommand cmd, String idempotencyKey, String canonicalBody) {
		if (group == null || TransactionSynchronizationManager.isActualTransactionActive()) {
			return once(cmd, idempotencyKey, canonicalBody, () -> register(cmd, idempotencyKey, canonicalBody));
		}
		try {
			Prepared p = prepare(cmd, idempotencyKey, canonicalBody);
			RequestTurns.waitingFromNow(); // only the group's commit is left to wait for
			group.write(p);
			return new Registered(p.complaint(), true);
		} catch (DataIntegrityViolationException refused) {
			return transaction.execute(status -> repeat(cmd, idempotencyKey, canonicalBody));
		}
	}

	/**
	 * Runs {@code registration} (a {@link #register} call, perhaps with more work in the same transaction) in a
	 * transaction of its own; when the database refuses it because the key registered a complaint before, answers
	 * as {@link #repeat} does.
	 */
	public Registered once(IntakeCommand cmd, String idempotencyKey, String canonicalBody,
			Supplier<Registered> registration) {
		try {
			return transaction.execute(status -> registration.get());
		} catch (DataIntegrityViolationException refused) {
			return transaction.execute(status -> repeat(cmd, idempotencyKey, canonicalBody));
		}
	}

	/**
	 * Registers a new complaint, written with plain JDBC in one round trip ({@link RegistrationWrite}): the
	 * complaint returned is not managed by JPA. The key is not looked up first: it is kept on the complaint, whose unique
	 * index refuses a key that was used before, so the insert fails with a
	 * {@link DataIntegrityViolationException} that {@link #once} answers with {@link #repeat}. Reading before
	 * every insert would cost each intake a database round trip for the rare request that is sent twice.
	 */
	@Transactional
	public Registered register(IntakeCommand cmd, String idempotencyKey, String canonicalBody) {
		Prepared p = prepare(cmd, idempotencyKey, canonicalBody);
		registration.insert(p.rows());
		p.events().forEach(events::publishEvent);
		return new Registered(p.complaint(), true);
	}

	/** Checks and builds a registration ({@link Prepared}); writes nothing. */
	private Prepared prepare(IntakeCommand cmd, String idempotencyKey, String canonicalBody) {
		String key = checkedKey(idempotencyKey);
		Violations v = new Violations();
		ComplaintKind kind = Codes.parse(ComplaintKind.class, cmd.kind(), "kind", true, v);
		Channel channel = Codes.parse(Channel.class, cmd.channel(), "channel", true, v);
		access.require(registrars(kind, channel));
		Built built = build(cmd, kind, channel, v, clock.instant(), actor());
		Complaint c = built.complaint();
		List<Row> rows = registration.rows(c, key == null ? null : new IntakeKey(key, hash(canonicalBody)),
				built.parties().rows());
		List<Object> published = new ArrayList<>(built.parties().events());
		published.addAll(c.pullDomainEvents()); // built now that the complaint has its id
		return new Prepared(c, rows, published, SecurityContextHolder.getContext(),
				RequestContextHolder.getRequestAttributes());
	}

	/**
	 * The group commit's writer: the registrations' rows in one round trip and their events, each published under
	 * its caller's security context and request, all in one transaction.
	 */
	private void writeGroup(List<Prepared> registrations) {
		transaction.executeWithoutResult(status -> {
			List<Row> rows = new ArrayList<>();
			registrations.forEach(p -> rows.addAll(p.rows()));
			registration.insert(rows);
			for (Prepared p : registrations) {
				SecurityContextHolder.setContext(p.security());
				RequestContextHolder.setRequestAttributes(p.request());
				try {
					p.events().forEach(events::publishEvent);
				} finally {
					SecurityContextHolder.clearContext();
					RequestContextHolder.resetRequestAttributes();
				}
			}
		});
	}

	/**
	 * A request whose {@link #register} was refused by the database: when its key registered a complaint, the
	 * same body answers with that complaint and another body is refused (Appendix A); otherwise (the refusal
	 * had another cause, or the first request with the key has rolled back meanwhile) it registers again.
	 */
	@Transactional
	public Registered repeat(IntakeCommand cmd, String idempotencyKey, String canonicalBody) {
		String key = checkedKey(idempotencyKey);
		Optional<RegistrationWrite.KeyUse> seen = key == null ? Optional.empty() : registration.registeredWith(key);
		if (seen.isEmpty()) {
			return register(cmd, idempotencyKey, canonicalBody);
		}
		Complaint first = complaints.findById(seen.get().complaintId()).orElseThrow();
		access.require(registrars(first.getKind(), first.getChannel()));
		if (!hash(canonicalBody).equals(seen.get().bodyHash())) {
			throw ValidationException.of("Idempotency-Key", "complaint.idempotency.otherBody");
		}
		return new Registered(first, false);
	}

	/** Who may register such a case: online posts are registered by after-sales, everything else by agents too. */
	private static EnumSet<Role> registrars(ComplaintKind kind, Channel channel) {
		return kind == ComplaintKind.REPAIR_REQUEST || channel != Channel.ONLINE
				? EnumSet.of(Role.CS_AGENT, Role.AFTER_SALES) : EnumSet.of(Role.AFTER_SALES);
	}

	/** The key without surrounding blanks, or null when none was given; refused when longer than 200 characters. */
	private static String checkedKey(String idempotencyKey) {
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			return null;
		}
		String key = idempotencyKey.strip();
		if (key.length() > MAX_KEY_LENGTH) {
			throw ValidationException.of("Idempotency-Key", "complaint.idempotency.tooLong", MAX_KEY_LENGTH);
		}
		return key;
	}

	/**
	 * Checks the command and builds the registered complaint (not yet saved). Used by live intake and by
	 * the history import, so both apply the same rules; violations name the field.
	 */
	Built build(IntakeCommand cmd, ComplaintKind kind, Channel channel, Violations v, Instant at, Actor actor) {
		Category category = Codes.parse(Category.class, cmd.category(), "category", false, v);
		// optional (SPEC §4.1): records of older systems often lack it; the agent's form asks for it itself
		RepairReason reason = Codes.parse(RepairReason.class, cmd.repairReason(), "repairReason", false, v);
		ComplainantType complainantType = cmd.complainant() == null ? ComplainantType.CUSTOMER
				: Codes.parse(ComplainantType.class, cmd.complainant().type(), "complainant.type", true, v);
		if (cmd.description() == null || cmd.description().isBlank()) {
			v.field("description", "error.required");
		}
		if (kind == ComplaintKind.REPAIR_REQUEST && channel == Channel.ONLINE) {
			v.field("channel", "complaint.repairRequest.notOnline");
		}
		IntakeCommand.CustomerPart person = cmd.customer();
		if (person == null || person.name() == null || person.name().isBlank()) {
			v.field("customer.name", "error.required");
		}
		boolean phoneGiven = person != null && person.phone() != null && !person.phone().isBlank();
		if (!phoneGiven && channel != null && channel != Channel.ONLINE) {
			v.field("customer.phone", "error.required");
		}
		OnlinePost post = null;
		if (channel == Channel.ONLINE) {
			IntakeCommand.OnlinePart o = cmd.online();
			if (o == null || o.platform() == null || o.platform().isBlank()) {
				v.field("online.platform", "error.required");
			} else {
				post = new OnlinePost(o.platform().trim(), o.url(), o.postedAt() == null ? null : o.postedAt().toInstant(),
						o.handle(), o.content(), Boolean.TRUE.equals(o.negative()));
			}
		}
		if (cmd.externalId() != null && complaints.existsByExternalId(cmd.externalId())) {
			v.field("externalId", "complaint.externalId.taken", cmd.externalId());
		}
		v.throwIfAny();

		IntakeCommand.VehiclePart car = cmd.vehicle();
		IntakeParties.Parties parties = this.parties.resolve(new IntakeParties.Request(person.name(),
				phoneGiven ? person.phone() : null, person.idNumber(), car == null ? null : car.vin(),
				car == null ? null : car.plate()));
		return new Built(Complaint.register(new NewComplaint(blankToNull(cmd.externalId()), kind, channel, category,
				cmd.description(), parties.customerId(), person.name(), parties.vehicleId(), complainantType,
				cmd.complainant() == null ? null : cmd.complainant().name(), reason, post, parties.keyAccount(), false),
				at, actor), parties);
	}

	/**
	 * A complaint {@link #build built} and its customer and vehicle as found or to be created (their rows to be
	 * written before the complaint's, their events published after).
	 */
	record Built(Complaint complaint, IntakeParties.Parties parties) {
	}

	/** Writes the new customer and vehicle of a complaint {@link #build built} on its own (the history import). */
	void writeParties(IntakeParties.Parties p) {
		if (!p.rows().isEmpty()) {
			inserts.insert(p.rows());
		}
		p.events().forEach(events::publishEvent);
	}

	Actor actor() {
		return new Actor(access.user().username());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	static String hash(String body) {
		return Sha256.hex(body);
	}
}
