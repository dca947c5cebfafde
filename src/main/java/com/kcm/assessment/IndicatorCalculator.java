package com.kcm.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.kcm.complaint.Category;
import com.kcm.complaint.Channel;
import com.kcm.complaint.ComplaintKind;
import com.kcm.complaint.ComplaintStatus;
import com.kcm.complaint.HandlingFact;

/**
 * Turns one dealer's handling facts into the indicators of SPEC §5.1, to the letter. Pure: the facts
 * already hold only what happened before the cut-off.
 */
final class IndicatorCalculator {

	static final Duration DAY = Duration.ofHours(24);
	static final Set<Category> LIMIT_CATEGORIES = EnumSet.of(Category.PRODUCT_QUALITY, Category.SERVICE_PROCESS,
			Category.TECHNICAL_CAPABILITY);

	private IndicatorCalculator() {
	}

	/**
	 * @param facts the dealer's facts: work orders first dispatched to it in the month, and (online) before
	 *        it, as of the cut-off
	 * @param monthStart first instant of the month (local midnight of its first day)
	 * @param monthEnd first instant of the next month
	 * @param countsAgainstNoOne the terminated-dealer exception of SPEC §5.2 holds
	 */
	static MonthlyIndicators compute(long dealerId, YearMonth month, Instant cutoff, List<HandlingFact> facts,
			Instant monthStart, Instant monthEnd, boolean countsAgainstNoOne) {
		Predicate<HandlingFact> inMonth = f -> !f.dispatchedAt().isBefore(monthStart) && f.dispatchedAt().isBefore(monthEnd);
		List<HandlingFact> cohort = facts.stream().filter(inMonth).filter(f -> f.kind() == ComplaintKind.COMPLAINT
				&& (f.channel() == Channel.HOTLINE_400 || f.channel() == Channel.OTHER)).toList();

		int complaints = cohort.size();
		int unreachable = count(cohort, IndicatorCalculator::unreachable);
		int calledBack = count(cohort, f -> f.reachedCallbacks() > 0);
		int firstPassBase = count(cohort, f -> f.reachedCallbacks() > 0 && f.statusAtCutoff() != ComplaintStatus.FORCE_CLOSED);
		int firstPass = count(cohort, IndicatorCalculator::closedOnFirstPass);
		int closed = count(cohort, IndicatorCalculator::closedOrForceClosed);
		int satisfied = count(cohort, f -> f.statusAtCutoff() == ComplaintStatus.CLOSED
				&& Boolean.TRUE.equals(f.lastReachedSatisfied()));

		int counted = countsAgainstNoOne ? 0 : count(facts.stream().filter(inMonth).toList(),
				f -> f.responsible() && f.kind() == ComplaintKind.COMPLAINT && f.channel() == Channel.HOTLINE_400
						&& LIMIT_CATEGORIES.contains(f.categoryAtCutoff()));

		List<HandlingFact> repairs = facts.stream().filter(inMonth).filter(f -> f.kind() == ComplaintKind.REPAIR_REQUEST)
				.toList();
		var repairBlock = new MonthlyIndicators.RepairRequests(repairs.size(),
				Rates.of(count(repairs, IndicatorCalculator::repliedInTime), repairs.size()),
				Rates.of(count(repairs, IndicatorCalculator::contactedWithin24h), repairs.size()),
				Rates.of(count(repairs, IndicatorCalculator::closedOrForceClosed),
						repairs.size() - count(repairs, IndicatorCalculator::unreachable)));

		List<HandlingFact> online = facts.stream().filter(f -> f.channel() == Channel.ONLINE
				&& f.kind() == ComplaintKind.COMPLAINT
				&& (inMonth.test(f) || (f.dispatchedAt().isBefore(monthStart) && f.statusAtPreviousCutoff() != null
						&& !f.statusAtPreviousCutoff().isClosed()))).toList();
		List<HandlingFact> negative = online.stream().filter(HandlingFact::negative).toList();
		var onlineBlock = new MonthlyIndicators.Online(online.size(), count(online, f -> f.dispatchedAt().isBefore(monthStart)),
				Rates.of(count(online, IndicatorCalculator::contactedWithin24h), online.size()),
				Rates.of(count(online, IndicatorCalculator::closedOrForceClosed),
						online.size() - count(online, IndicatorCalculator::unreachable)),
				negative.size(), Rates.of(count(negative, IndicatorCalculator::closedOrForceClosed),
						negative.size() - count(negative, IndicatorCalculator::unreachable)));

		return new MonthlyIndicators(dealerId, month, cutoff, complaints, unreachable,
				Rates.of(count(cohort, IndicatorCalculator::repliedInTime), complaints),
				Rates.of(count(cohort, IndicatorCalculator::contactedWithin24h), complaints),
				count(cohort, f -> f.falseReplyCallbacks() > 0), calledBack, Rates.of(firstPass, firstPassBase),
				Rates.of(closed, complaints - unreachable), Rates.of(satisfied, complaints - unreachable), counted,
				repairBlock, onlineBlock);
	}

	/** {@code CLOSED_UNREACHABLE}, or in no closed state with the latest callback not reached. */
	static boolean unreachable(HandlingFact f) {
		return f.statusAtCutoff() == ComplaintStatus.CLOSED_UNREACHABLE
				|| (!f.closedAtCutoff() && Boolean.FALSE.equals(f.lastCallbackReached()));
	}

	/** The first reply by the work order's reply deadline (hotline: dispatch + 24 h; repair: 3 working days). */
	static boolean repliedInTime(HandlingFact f) {
		return f.firstReplyAt() != null && !f.firstReplyAt().isAfter(f.replyDueAt());
	}

	static boolean contactedWithin24h(HandlingFact f) {
		return f.firstContactAt() != null && !f.firstContactAt().isAfter(f.dispatchedAt().plus(DAY));
	}

	static boolean closedOrForceClosed(HandlingFact f) {
		return f.statusAtCutoff() == ComplaintStatus.CLOSED || f.statusAtCutoff() == ComplaintStatus.FORCE_CLOSED;
	}

	/**
	 * {@code CLOSED} by a callback at or before the closure deadline of this dealer's work order, with no
	 * earlier reached callback (every reached callback either closes or returns the complaint).
	 */
	static boolean closedOnFirstPass(HandlingFact f) {
		return f.statusAtCutoff() == ComplaintStatus.CLOSED && f.reachedCallbacks() == 1 && f.closeDueAt() != null
				&& f.closedAt() != null && !f.closedAt().isAfter(f.closeDueAt());
	}

	private static int count(List<HandlingFact> facts, Predicate<HandlingFact> p) {
		return (int) facts.stream().filter(p).count();
	}
}
