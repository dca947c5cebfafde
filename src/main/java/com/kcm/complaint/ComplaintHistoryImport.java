package com.kcm.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.Role;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.domain.Violations;

/**
 * Replays past complaints through the same aggregate rules as live use (Appendix A), so a company can
 * move its records in and assess past months. All or nothing: any bad history — an impossible sequence,
 * a missing field — is reported with its index, and nothing of the batch is written. Imported moves send
 * no notifications (they happened long ago).
 */
@Service
public class ComplaintHistoryImport {

	private final ComplaintIntake intake;
	private final ComplaintRepository complaints;
	private final ComplaintAccess access;
	private final DealerCatalog dealers;
	private final DeadlineRules rules;
	private final Policies policies;
	private final Audit audit;

	ComplaintHistoryImport(ComplaintIntake intake, ComplaintRepository complaints, ComplaintAccess access,
			DealerCatalog dealers, DeadlineRules rules, Policies policies, Audit audit) {
		this.intake = intake;
		this.complaints = complaints;
		this.access = access;
		this.dealers = dealers;
		this.rules = rules;
		this.policies = policies;
		this.audit = audit;
	}

	@Transactional
	public int importAll(List<ComplaintHistory> histories) {
		access.require(EnumSet.of(Role.AFTER_SALES, Role.ADMIN));
		if (histories == null || histories.isEmpty()) {
			throw ValidationException.of(null, "complaint.import.empty");
		}
		Actor actor = new Actor(access.user().username());
		List<Violation> errors = new ArrayList<>();
		for (int i = 0; i < histories.size(); i++) {
			try {
				replay(histories.get(i), actor);
			} catch (ValidationException e) {
				for (Violation v : e.violations()) {
					errors.add(new Violation(v.field(), i, v.code(), v.args()));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		audit.event(Audit.IMPORT, "complaint", null, histories.size() + " complaint histories");
		return histories.size();
	}

	private void replay(ComplaintHistory h, Actor actor) {
		Violations v = new Violations();
		if (h == null) {
			throw ValidationException.of(null, "error.required");
		}
		if (h.externalId() == null || h.externalId().isBlank()) {
			v.field("externalId", "error.required");
		}
		ComplaintKind kind = Codes.parse(ComplaintKind.class, h.kind(), "kind", true, v);
		Channel channel = Codes.parse(Channel.class, h.channel(), "channel", true, v);
		Codes.parse(Category.class, h.category(), "category", true, v);
		List<ComplaintHistory.Event> events = h.events() == null ? List.of() : h.events();
		if (events.isEmpty()) {
			v.field("events", "error.required");
		} else if (!"REGISTERED".equalsIgnoreCase(events.get(0).type())) {
			v.field("events[0].type", "complaint.import.firstRegistered");
		}
		for (int j = 0; j < events.size(); j++) {
			if (events.get(j).at() == null) {
				v.field("events[" + j + "].at", "error.required");
			}
		}
		v.throwIfAny();

		IntakeCommand.OnlinePart online = h.online() == null ? null
				: new IntakeCommand.OnlinePart(h.online().platform(), h.online().url(), h.online().negative(),
						h.online().handle(), null, null);
		IntakeCommand cmd = new IntakeCommand(h.kind(), h.channel(), h.category(), descriptionOf(h), h.customer(),
				h.vehicle(), h.complainant(), h.repairReason(), online, h.externalId());
		ComplaintIntake.Built built = intake.build(cmd, kind, channel, v, events.get(0).at().toInstant(), actor);
		intake.writeParties(built.parties());
		Complaint c = built.complaint();
		if (Boolean.TRUE.equals(h.major())) {
			c.markMajorImported();
		}
		Category category = Category.valueOf(h.category().trim().toUpperCase(Locale.ROOT));
		for (int j = 1; j < events.size(); j++) {
			try {
				apply(c, category, events.get(j), j, actor);
			} catch (DomainException e) {
				throw new ValidationException(List.of(Violation.field("events[" + j + "]", e.code(), e.args())));
			}
		}
		complaints.save(c);
		complaints.flush();
		c.pullDomainEvents();
		audit.changed(Audit.CREATE, "complaint", c.getId(), null, ComplaintSnapshots.of(c));
	}

	private void apply(Complaint c, Category category, ComplaintHistory.Event e, int j, Actor actor) {
		Instant at = e.at().toInstant();
		String type = e.type() == null ? "" : e.type().trim().toUpperCase(Locale.ROOT);
		switch (type) {
			case "DISPATCHED" -> c.dispatch(dealer(e, j), category, null, at, actor, rules, null, null);
			case "REDISPATCHED" -> c.redispatchTo(dealer(e, j), e.reason(), at, actor, rules);
			case "TRANSFERRED" -> c.transferTo(dealer(e, j), e.reason(), at, actor, rules);
			case "CONFIRMED" -> c.confirmCurrent(at, actor);
			case "REPLIED" -> c.replyCurrent(new ReplyContent(
					e.contactedCustomerAt() == null ? null : e.contactedCustomerAt().toInstant(),
					Boolean.TRUE.equals(e.finalResult()), e.text(), e.faultCause(), e.qualityDefect(), e.partsReplaced(),
					e.repairOrderNo(), e.claimNo(), e.text(), false), at, actor);
			case "CLOSURE_REQUESTED" -> c.requestClosure(at, actor, rules);
			case "CALLBACK" -> {
				if (e.reached() == null) {
					throw ValidationException.of("events[" + j + "].reached", "error.required");
				}
				c.recordCallback(new CallbackAnswers(e.reached(), e.resolved(), e.satisfied(), e.falseReply(), e.text()),
						at, actor);
			}
			case "FORCE_CLOSED" -> c.forceClose(e.reason(), at, actor);
			case "CLOSED_UNREACHABLE" -> c.closeUnreachable(policies.intAt(PolicyName.UNREACHABLE_ATTEMPTS, at),
					policies.intAt(PolicyName.UNREACHABLE_DISTINCT_DAYS, at), at, actor);
			case "REGISTERED" -> throw new DomainException("complaint.import.registeredTwice");
			default -> throw ValidationException.of("events[" + j + "].type", "complaint.code.unknown", e.type());
		}
	}

	private long dealer(ComplaintHistory.Event e, int j) {
		if (e.dealerCode() == null || e.dealerCode().isBlank()) {
			throw ValidationException.of("events[" + j + "].dealerCode", "error.required");
		}
		return dealers.byCode(e.dealerCode().trim()).map(DealerSummary::id).orElseThrow(
				() -> ValidationException.of("events[" + j + "].dealerCode", "complaint.dealer.unknown", e.dealerCode()));
	}

	/** A history may carry no free text; the timeline still needs a description. */
	private static String descriptionOf(ComplaintHistory h) {
		return h.description() != null && !h.description().isBlank() ? h.description() : "（历史导入）" + h.externalId();
	}
}
