package com.kcm.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.identity.CurrentUsers;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.Violations;

/**
 * The periodic review of the access log (SPEC §8): each calendar month (business zone) of the audit trail's
 * access entries — logins and failed logins, denied and out-of-scope requests, full views of personal data,
 * exports and anonymisations — is reviewed and signed off once, with findings, within
 * {@code ACCESS_REVIEW_DUE_DAYS} (policy) after the month ends; a month not signed off by then is overdue.
 */
@Service
class AccessReviews {

	static final String TYPE = "access_review";
	/** The audit actions a review looks at. */
	static final List<String> ACTIONS = List.of(Audit.LOGIN, Audit.LOGIN_FAILED, Audit.ACCESS_DENIED, Audit.NOT_VISIBLE,
			Audit.PERSONAL_DATA_VIEWED, Audit.EXPORT, Audit.ANONYMISE);
	/** The actions whose actors the review lists (everything but ordinary logins). */
	static final List<String> WATCHED = ACTIONS.subList(1, ACTIONS.size());
	/** How many past months the overview shows. */
	static final int MONTHS_SHOWN = 12;

	private final AccessReviewRepository reviews;
	private final Audit audit;
	private final Policies policies;
	private final CurrentUsers users;
	private final Clock clock;

	AccessReviews(AccessReviewRepository reviews, Audit audit, Policies policies, CurrentUsers users, Clock clock) {
		this.reviews = reviews;
		this.audit = audit;
		this.policies = policies;
		this.users = users;
		this.clock = clock;
	}

	/** A month of the overview: its review if signed off, when it is due, whether it is overdue or still running. */
	record Month(YearMonth month, LocalDate dueOn, boolean running, boolean overdue, Review review) {
	}

	/** What the audit trail keeps of a sign-off. */
	record Snapshot(String period, String reviewedBy, String findings, String counts) {
	}

	record Review(long id, YearMonth month, String reviewedBy, Instant reviewedAt, String findings, String counts) {
	}

	/** The month's access entries: counts per action and who did the watched ones most. */
	record Summary(YearMonth month, Instant from, Instant to, Map<String, Long> counts, List<Audit.ActorCount> actors) {
	}

	/** The current month and the {@link #MONTHS_SHOWN} before it, newest first. */
	@Transactional(readOnly = true)
	List<Month> overview() {
		LocalDate today = today();
		YearMonth current = YearMonth.from(today);
		YearMonth oldest = current.minusMonths(MONTHS_SHOWN);
		YearMonth first = audit.firstEntryAt().map(i -> YearMonth.from(i.atZone(TimeConfig.BUSINESS_ZONE))).orElse(current);
		if (first.isAfter(oldest)) {
			oldest = first.isAfter(current) ? current : first;
		}
		Map<YearMonth, Review> done = reviews.findByPeriodStartBetween(oldest.atDay(1), current.atDay(1)).stream()
				.map(AccessReviews::view).collect(Collectors.toMap(Review::month, Function.identity()));
		List<Month> months = new ArrayList<>();
		for (YearMonth m = current; !m.isBefore(oldest); m = m.minusMonths(1)) {
			months.add(month(m, done.get(m), today));
		}
		return months;
	}

	/** Months past their due date without a sign-off, among those of the overview. */
	@Transactional(readOnly = true)
	long overdueCount() {
		return overview().stream().filter(Month::overdue).count();
	}

	@Transactional(readOnly = true)
	Month month(YearMonth m) {
		return month(m, reviews.findByPeriodStart(m.atDay(1)).map(AccessReviews::view).orElse(null), today());
	}

	@Transactional(readOnly = true)
	Summary summary(YearMonth m) {
		Instant from = m.atDay(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
		Instant to = m.plusMonths(1).atDay(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
		return new Summary(m, from, to, audit.countByAction(ACTIONS, from, to), audit.topActors(WATCHED, from, to, 20));
	}

	/** Signs off a finished month once, with findings; audited in the same transaction. */
	@Transactional
	long signOff(YearMonth m, String findings) {
		Violations v = new Violations();
		String text = findings == null ? "" : findings.strip();
		if (text.isEmpty()) {
			v.field("findings", "error.required");
		} else if (text.length() > 4000) {
			v.field("findings", "privacy.tooLong", 4000);
		}
		v.throwIfAny();
		if (!m.isBefore(YearMonth.from(today()))) {
			throw new DomainException("privacy.review.notFinished", m.toString());
		}
		if (reviews.findByPeriodStart(m.atDay(1)).isPresent()) {
			throw new DomainException("privacy.review.alreadySignedOff", m.toString());
		}
		Summary s = summary(m);
		String counts = s.counts().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining(", "));
		AccessReview r;
		try {
			r = reviews.saveAndFlush(new AccessReview(m.atDay(1), m.atEndOfMonth(), users.current().username(),
					clock.instant(), text, counts));
		} catch (DataIntegrityViolationException e) {
			throw new DomainException("privacy.review.alreadySignedOff", m.toString());
		}
		audit.changed(Audit.CREATE, TYPE, r.getId(), null,
				new Snapshot(m.toString(), r.getReviewedBy(), r.getFindings(), counts));
		return r.getId();
	}

	private Month month(YearMonth m, Review review, LocalDate today) {
		LocalDate due = m.atEndOfMonth().plusDays(policies.intOn(PolicyName.ACCESS_REVIEW_DUE_DAYS, m.atEndOfMonth()));
		boolean running = !m.isBefore(YearMonth.from(today));
		return new Month(m, due, running, review == null && today.isAfter(due), review);
	}

	private static Review view(AccessReview r) {
		return new Review(r.getId(), YearMonth.from(r.getPeriodStart()), r.getReviewedBy(), r.getReviewedAt(),
				r.getFindings(), r.getEntryCounts());
	}

	private LocalDate today() {
		return clock.instant().atZone(TimeConfig.BUSINESS_ZONE).toLocalDate();
	}
}
