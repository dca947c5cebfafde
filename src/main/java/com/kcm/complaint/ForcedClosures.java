package com.kcm.complaint;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.Role;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.io.XlsxExport;

/**
 * The monthly forced-closure lists (SPEC §4.2 step 7). A nomination (a move of the complaint) lands on
 * the list of its local month; after-sales may withdraw it while the list is a draft; when an after-sales
 * manager approves the list, each complaint on it is force-closed in that one transaction, and one that
 * was closed meanwhile is skipped and reported.
 */
@Service
class ForcedClosures {

	static final String TYPE = "forced_closure_list";

	static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final EnumSet<Role> READERS = EnumSet.of(Role.AFTER_SALES, Role.CS_SUPERVISOR);

	private final ComplaintAccess access;
	private final ComplaintRepository complaints;
	private final ForcedClosureListRepository lists;
	private final DealerCatalog dealers;
	private final Policies policies;
	private final MessageSource messages;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ForcedClosures(ComplaintAccess access, ComplaintRepository complaints, ForcedClosureListRepository lists,
			DealerCatalog dealers, Policies policies, MessageSource messages, Audit audit,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.complaints = complaints;
		this.lists = lists;
		this.dealers = dealers;
		this.policies = policies;
		this.messages = messages;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A complaint of the list: what the manager needs to decide, and the outcome once approved. */
	public record Item(long complaintId, String externalId, String kind, String customerName, boolean greenChannel,
			String responsibleDealer, String complaintStatus, String reason, String nominatedBy,
			OffsetDateTime nominatedAt, String outcome, String outcomeDetail) {
	}

	/** A month's list; {@code status} is {@code DRAFT} or {@code APPROVED}. */
	public record ListView(YearMonth month, String title, String status, String approvedBy, OffsetDateTime approvedAt,
			List<Item> items) {

		public boolean draft() {
			return "DRAFT".equals(status);
		}
	}

	/** What an approval did: the complaints now force-closed and those skipped, with their status. */
	public record Approval(YearMonth month, List<Long> closed, List<Skipped> skipped) {
	}

	public record Skipped(long complaintId, String status) {
	}

	/** What the audit trail keeps of an approval: the complaints closed and skipped. */
	record ApprovedSnapshot(String status, List<Long> closed, List<Long> skipped) {
	}

	/** {@code YYYY-MM}; anything else is a 422 naming {@code month}. */
	public static YearMonth parseMonth(String month) {
		try {
			if (month != null && month.matches("\\d{4}-\\d{2}")) {
				return YearMonth.parse(month);
			}
		} catch (DateTimeParseException e) {
			// reported below
		}
		throw ValidationException.of("month", "closure.month.invalid", month);
	}

	/** The local month a nomination at {@code at} belongs to. */
	static YearMonth monthOf(Instant at) {
		return YearMonth.from(at.atZone(TimeConfig.BUSINESS_ZONE));
	}

	// ---- nominations ------------------------------------------------------------------------------

	/**
	 * Puts a fresh nomination on its month's list, in the nominating transaction: refused (and so the
	 * nomination with it) when the complaint is already on a draft list or the month's list is approved.
	 */
	@EventListener
	@Transactional
	void onNominated(NominatedForForcedClosure e) {
		lists.draftsHolding(e.complaintId()).stream().findFirst().ifPresent(held -> {
			throw new DomainException("closure.nomination.already", held.getMonth().getMonthValue());
		});
		YearMonth month = monthOf(e.at());
		ForcedClosureList list = lists.findByMonth(month.toString())
				.orElseGet(() -> lists.save(ForcedClosureList.open(month, e.at())));
		list.nominate(e.complaintId(), e.reason(), e.nominatedBy(), e.at());
		lists.flush();
		audit.changed(Audit.UPDATE, TYPE, month.toString(), null,
				Map.of("nominated", e.complaintId(), "reason", e.reason()));
	}

	/** After-sales takes a nomination back while its list is still a draft. */
	@Transactional
	public void withdraw(long complaintId, String note) {
		Complaint c = access.load(complaintId);
		access.require(EnumSet.of(Role.AFTER_SALES));
		ForcedClosureList list = lists.draftsHolding(complaintId).stream().findFirst()
				.orElseThrow(() -> new DomainException("closure.nomination.notOnList"));
		ComplaintSnapshots.Snapshot before = ComplaintSnapshots.of(c);
		if (c.getNominatedAt() != null && ComplaintStatus.OPEN_AT_DEALER.contains(c.getStatus())) {
			c.withdrawForcedClosureNomination(note, clock.instant(), actor());
		}
		list.withdraw(complaintId);
		complaints.flush();
		lists.flush();
		audit.changed(Audit.UPDATE, "complaint", complaintId, before, ComplaintSnapshots.of(c));
		audit.changed(Audit.UPDATE, TYPE, list.getMonth().toString(), Map.of("nominated", complaintId),
				Map.of("withdrawn", complaintId));
		c.pullDomainEvents().forEach(events::publishEvent);
	}

	// ---- approval ---------------------------------------------------------------------------------

	/**
	 * The manager approves the month's list: every complaint on it still open becomes {@code FORCE_CLOSED}
	 * with its nomination's reason (timeline, audit, events); one closed meanwhile is skipped and reported.
	 */
	@Transactional
	public Approval approve(YearMonth month) {
		access.require(EnumSet.of(Role.AFTER_SALES_MANAGER));
		ForcedClosureList list = lists.findByMonth(month.toString())
				.orElseThrow(() -> new NotFoundException("forced-closure list", month));
		list.requireDraft();
		Instant at = clock.instant();
		Actor actor = actor();
		Map<Long, Complaint> byId = complaints
				.findAllById(list.getItems().stream().map(ForcedClosureItem::getComplaintId).toList()).stream()
				.collect(Collectors.toMap(Complaint::getId, Function.identity()));
		List<Complaint> closed = new ArrayList<>();
		List<ComplaintSnapshots.Snapshot> befores = new ArrayList<>();
		List<Skipped> skipped = new ArrayList<>();
		for (ForcedClosureItem item : list.getItems()) {
			Complaint c = byId.get(item.getComplaintId());
			if (!ComplaintStatus.OPEN_AT_DEALER.contains(c.getStatus())) {
				item.skipped(c.getStatus().name());
				skipped.add(new Skipped(c.getId(), c.getStatus().name()));
				continue;
			}
			ComplaintSnapshots.Snapshot before = ComplaintSnapshots.of(c);
			try {
				c.forceClose(item.getReason(), at, actor);
			} catch (DomainException refused) {
				// the aggregate checks before it changes anything: this complaint is left as it was
				item.skipped(refused.code());
				skipped.add(new Skipped(c.getId(), c.getStatus().name()));
				continue;
			}
			item.closed();
			closed.add(c);
			befores.add(before);
		}
		list.approve(actor.username(), at);
		complaints.flush();
		lists.flush();
		for (int i = 0; i < closed.size(); i++) {
			audit.changed(Audit.UPDATE, "complaint", closed.get(i).getId(), befores.get(i),
					ComplaintSnapshots.of(closed.get(i)));
		}
		List<Long> closedIds = closed.stream().map(Complaint::getId).toList();
		audit.changed(Audit.UPDATE, TYPE, month.toString(), Map.of("status", "DRAFT"), new ApprovedSnapshot("APPROVED",
				closedIds, skipped.stream().map(Skipped::complaintId).toList()));
		closed.forEach(c -> c.pullDomainEvents().forEach(events::publishEvent));
		return new Approval(month, closedIds, skipped);
	}

	// ---- reading and export -----------------------------------------------------------------------

	/** The month's list, or empty when nobody was nominated that month. */
	@Transactional(readOnly = true)
	public Optional<ListView> find(YearMonth month, Locale locale) {
		access.require(READERS);
		return lists.findByMonth(month.toString()).map(l -> view(l, locale));
	}

	/** "{公司} M 月份强制关闭抱怨清单" with the company name in force at the month's end (or today, if earlier). */
	public String title(YearMonth month, Locale locale) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
		LocalDate end = month.atEndOfMonth();
		String company = policies.textOn(PolicyName.COMPANY_NAME, end.isBefore(today) ? end : today);
		return messages.getMessage("closure.forced.title",
				new Object[] { company, String.valueOf(month.getMonthValue()), String.valueOf(month.getYear()),
						month.toString() },
				locale);
	}

	/**
	 * The list (as {@link #find} read it) as xlsx, its title as the first row; no personal data beyond the
	 * customer's name. Outside a transaction, so the audit entry is written in one of its own.
	 */
	public void export(ListView v, Locale locale, OutputStream out) {
		List<String> headers = Arrays.asList(text("closure.col.no", locale), text("closure.col.complaint", locale),
				text("closure.col.externalId", locale), text("closure.col.kind", locale),
				text("closure.col.customer", locale), text("closure.col.responsibleDealer", locale),
				text("closure.col.status", locale), text("closure.col.reason", locale),
				text("closure.col.nominatedBy", locale), text("closure.col.nominatedAt", locale),
				text("closure.col.outcome", locale));
		XlsxExport.write(out, v.month().toString(), v.title(), headers, sink -> {
			int n = 0;
			for (Item i : v.items()) {
				sink.row(Arrays.asList(++n, i.complaintId(), i.externalId(), text("closure.kind." + i.kind(), locale),
						i.customerName(), i.responsibleDealer(), text("closure.status." + i.complaintStatus(), locale),
						i.reason(), i.nominatedBy(), MINUTES.format(i.nominatedAt()),
						i.outcome() == null ? null : text("closure.outcome." + i.outcome(), locale)));
			}
		});
		audit.event(Audit.EXPORT, TYPE, v.month().toString(), v.items().size() + " rows");
	}

	private ListView view(ForcedClosureList l, Locale locale) {
		List<ForcedClosureItem> items = l.getItems();
		Map<Long, Complaint> byId = complaints.findAllById(items.stream().map(ForcedClosureItem::getComplaintId).toList())
				.stream().collect(Collectors.toMap(Complaint::getId, Function.identity()));
		Map<Long, DealerSummary> dealerById = dealers.byIds(byId.values().stream()
				.map(Complaint::getResponsibleDealerId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
		List<Item> out = new ArrayList<>();
		for (ForcedClosureItem i : items) {
			Complaint c = byId.get(i.getComplaintId());
			DealerSummary d = c.getResponsibleDealerId() == null ? null : dealerById.get(c.getResponsibleDealerId());
			out.add(new Item(c.getId(), c.getExternalId(), c.getKind().name(), c.getCustomerName(), c.isGreenChannel(),
					d == null ? null : d.label(), c.getStatus().name(), i.getReason(), i.getNominatedBy(),
					ComplaintQueries.local(i.getNominatedAt()), i.getOutcome() == null ? null : i.getOutcome().name(),
					i.getOutcomeDetail()));
		}
		return new ListView(l.getMonth(), title(l.getMonth(), locale), l.getStatus().name(), l.getApprovedBy(),
				ComplaintQueries.local(l.getApprovedAt()), out);
	}

	private Actor actor() {
		return new Actor(access.user().username());
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
