package com.kcm.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.cache.Caches;

/**
 * The lists the complaint screens show (SPEC §4): the after-sales board's sections, the dealer inbox, the
 * callback queue, the searchable complaint list and a customer's open complaints. Every list is scoped to
 * the caller ({@link ComplaintAccess#visible}), paged, and built in a fixed number of queries per page.
 */
@Service
@Transactional(readOnly = true)
public class ComplaintBoards {

	/** The sections of the after-sales board. */
	public enum Section {
		TO_DISPATCH, REPLIED, DUE_TODAY, OVERDUE, ESCALATED, CLOSURE_REQUESTED, ONLINE_OPEN
	}

	/** The tabs of the dealer inbox: every open work order, or those awaiting confirmation, a first reply, or closure. */
	public enum InboxTab {
		ALL, CONFIRM, REPLY, PROGRESS
	}

	/** Filters of the complaint list; {@code null} or blank means any. */
	public record Filter(String status, String kind, String channel, String category, String dealerCode, String q) {

		public static final Filter NONE = new Filter(null, null, null, null, null, null);
	}

	/** One line of a list: a complaint with its current work order (if any). */
	public record Row(long id, String externalId, ComplaintKind kind, Channel channel, Category category,
			ComplaintStatus status, String customerName, boolean greenChannel, boolean major, boolean escalated,
			String description, Instant registeredAt, Long workOrderId, WorkOrderStatus workOrderStatus,
			boolean replied, String dealerCode, String dealerName, Instant nextDueAt, Instant callbackDueAt,
			boolean overdue, int unreachableAttempts, String platform, boolean negative, boolean sanbaoReached) {

		public String dealerLabel() {
			return dealerCode == null ? null : dealerCode + " " + dealerName;
		}
	}

	/**
	 * A count for a badge or a tile: exact below {@link #CAP}, otherwise shown as 99+. Counting stops at the
	 * cap, so a badge costs at most that many index entries however many rows match.
	 */
	public record Tally(long value, boolean capped) {

		public static final int CAP = 100;

		/** The tally of {@code rows} rows found by a count that stopped at {@link #CAP}. */
		static Tally counted(long rows) {
			return new Tally(rows, rows >= CAP);
		}

		public boolean positive() {
			return value > 0;
		}

		public String label() {
			return capped ? (CAP - 1) + "+" : String.valueOf(value);
		}

		@Override
		public String toString() {
			return label();
		}
	}

	/** The first rows of a board section and how many there are. */
	public record Preview(List<Row> rows, Tally count) {

		public boolean more() {
			return count.capped() || count.value() > rows.size();
		}
	}

	private static final Set<ComplaintStatus> WORKING = EnumSet.of(ComplaintStatus.DISPATCHED, ComplaintStatus.IN_PROGRESS);
	private static final Set<ComplaintStatus> OPEN = EnumSet.of(ComplaintStatus.REGISTERED, ComplaintStatus.DISPATCHED,
			ComplaintStatus.IN_PROGRESS, ComplaintStatus.CLOSURE_REQUESTED);

	private final ComplaintAccess access;
	private final ComplaintRepository complaints;
	private final WorkOrderRepository workOrders;
	private final DealerCatalog dealers;
	private final Policies policies;
	private final Clock clock;
	private final Cache boards;
	private final TransactionTemplate readOnly;

	ComplaintBoards(ComplaintAccess access, ComplaintRepository complaints, WorkOrderRepository workOrders,
			DealerCatalog dealers, Policies policies, Clock clock, CacheManager caches, PlatformTransactionManager transactions,
			java.util.List<VehicleAlerts> vehicleAlerts) {
		this.vehicleAlerts = vehicleAlerts;
		this.access = access;
		this.complaints = complaints;
		this.workOrders = workOrders;
		this.dealers = dealers;
		this.policies = policies;
		this.clock = clock;
		this.boards = caches.getCache(Caches.COMPLAINT_BOARDS);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	private final java.util.List<VehicleAlerts> vehicleAlerts;

	// ---- the after-sales board -----------------------------------------------------------------------

	/**
	 * The whole board for the caller's scope: every section's first {@code size} rows and its count. The board
	 * is built once and shared by everyone with the same scope (cache {@link Caches#COMPLAINT_BOARDS}) until a
	 * complaint, work order or callback changes on this instance ({@link ComplaintChanges} evicts it when the
	 * change commits) or it is {@code kcm.complaint.board-max-age} old (what changes with time alone: a
	 * deadline passing, a dealer renamed, a change committed by another instance). One request at a time
	 * builds a scope's board; the others wait for it.
	 */
	@Transactional(propagation = Propagation.SUPPORTS) // a board served from the cache needs no connection
	public Map<Section, Preview> board(int size) {
		List<Long> scope = access.visibleDealers();
		String key = (scope == null ? "*" : scope.toString()) + "/" + size;
		return Caches.get(boards, key, () -> readOnly.execute(tx -> {
			Map<Section, Preview> built = new LinkedHashMap<>();
			for (Section s : Section.values()) {
				built.put(s, preview(s, size));
			}
			return Collections.unmodifiableMap(built);
		}));
	}

	public Page<Row> section(Section section, Pageable pageable) {
		Instant now = clock.instant();
		return switch (section) {
			case TO_DISPATCH, ESCALATED, CLOSURE_REQUESTED, ONLINE_OPEN ->
				complaintRows(sectionSpec(section, now), pageable, complaintOrder(section));
			case REPLIED, DUE_TODAY, OVERDUE -> workOrderRows(workOrderSection(section, now), pageable);
		};
	}

	public Tally count(Section section) {
		Instant now = clock.instant();
		return switch (section) {
			case TO_DISPATCH, ESCALATED, CLOSURE_REQUESTED, ONLINE_OPEN ->
				tally(Complaint.class, sectionSpec(section, now), complaintOrder(section));
			case REPLIED, DUE_TODAY, OVERDUE -> tally(WorkOrder.class, workOrderSection(section, now), WORK_ORDER_ORDER);
		};
	}

	/** The order of a complaint section's rows: each walks an index of the section's rows in this order. */
	private static Sort complaintOrder(Section section) {
		return switch (section) {
			case ESCALATED -> Sort.by("firstDispatchedAt", "id");
			case CLOSURE_REQUESTED -> Sort.by("callbackDueAt", "id");
			default -> Sort.by("registeredAt", "id");
		};
	}

	/** The first {@code size} rows of a section, in the section's order, with its count: no full count query. */
	public Preview preview(Section section, int size) {
		Instant now = clock.instant();
		return switch (section) {
			case TO_DISPATCH, ESCALATED, CLOSURE_REQUESTED, ONLINE_OPEN -> {
				Specification<Complaint> spec = sectionSpec(section, now);
				Sort sort = complaintOrder(section);
				yield new Preview(rows(complaints.findBy(spec, q -> q.sortBy(sort).limit(size).all())),
						tally(Complaint.class, spec, sort));
			}
			case REPLIED, DUE_TODAY, OVERDUE -> {
				Specification<WorkOrder> spec = workOrderSection(section, now);
				yield new Preview(workOrderRows(workOrders.findBy(spec, q -> q.sortBy(WORK_ORDER_ORDER).limit(size).all())),
						tally(WorkOrder.class, spec, WORK_ORDER_ORDER));
			}
		};
	}

	/** Counts the rows a specification matches, up to {@link Tally#CAP}: one query reading ids only. */
	private <T> Tally tally(Class<T> type, Specification<T> spec) {
		return tally(type, spec, Sort.unsorted());
	}

	/**
	 * {@link #tally(Class, Specification)} reading the rows in {@code order}, the order of an index that holds the
	 * rows. Which {@link Tally#CAP} rows are counted does not matter, but without an order a plan may read the table
	 * from its start until it has found them: the board's sections hold recent complaints, at the table's end, and
	 * a section that statistics say is large (a backlog to dispatch) was counted that way, reading the whole table
	 * (docs/benchmarks.md, 2026-12-07).
	 */
	private <T> Tally tally(Class<T> type, Specification<T> spec, Sort order) {
		var cb = em.getCriteriaBuilder();
		var q = cb.createQuery(Long.class);
		Root<T> r = q.from(type);
		q.select(r.get("id"));
		Predicate where = spec.toPredicate(r, q, cb);
		if (where != null) {
			q.where(where);
		}
		q.orderBy(order.stream()
				.map(o -> o.isAscending() ? cb.asc(r.get(o.getProperty())) : cb.desc(r.get(o.getProperty()))).toList());
		int found = em.createQuery(q).setMaxResults(Tally.CAP).getResultList().size();
		return Tally.counted(found);
	}

	private Specification<Complaint> sectionSpec(Section section, Instant now) {
		Specification<Complaint> visible = access.visible();
		return switch (section) {
			case TO_DISPATCH -> visible.and((r, q, cb) -> cb.and(Literals.is(cb, r.get("status"), ComplaintStatus.REGISTERED),
					Literals.is(cb, r.get("kind"), ComplaintKind.COMPLAINT), Literals.isNot(cb, r.get("channel"), Channel.ONLINE)));
			case CLOSURE_REQUESTED -> visible.and(statusIs(ComplaintStatus.CLOSURE_REQUESTED));
			case ONLINE_OPEN -> visible.and((r, q, cb) -> cb.and(Literals.is(cb, r.get("channel"), Channel.ONLINE),
					Literals.among(cb, r.get("status"), OPEN)));
			case ESCALATED -> visible.and(escalated(now));
			default -> throw new IllegalArgumentException(section.name());
		};
	}

	/** Open and first dispatched at least the escalation period ago, or flagged by the job. */
	private Specification<Complaint> escalated(Instant now) {
		int months = policies.intAt(PolicyName.ESCALATION_MONTHS, now);
		Instant cutoff = now.atZone(TimeConfig.BUSINESS_ZONE).toLocalDateTime().minusMonths(months)
				.atZone(TimeConfig.BUSINESS_ZONE).toInstant();
		return (r, q, cb) -> cb.and(Literals.among(cb, r.get("status"), ComplaintStatus.OPEN_AT_DEALER),
				cb.or(cb.isNotNull(r.get("escalatedAt")), cb.lessThanOrEqualTo(r.get("firstDispatchedAt"), cutoff)));
	}

	private Specification<WorkOrder> workOrderSection(Section section, Instant now) {
		Instant endOfToday = LocalDate.ofInstant(now, TimeConfig.BUSINESS_ZONE).plusDays(1)
				.atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
		Specification<WorkOrder> base = currentOrders(WORKING);
		return switch (section) {
			case REPLIED -> currentOrders(EnumSet.of(ComplaintStatus.IN_PROGRESS))
					.and((r, q, cb) -> cb.isNotNull(r.get("firstReplyAt")));
			case DUE_TODAY -> base.and((r, q, cb) -> cb.and(cb.greaterThanOrEqualTo(r.get("nextDueAt"), now),
					cb.lessThan(r.get("nextDueAt"), endOfToday)));
			case OVERDUE -> base.and((r, q, cb) -> cb.lessThan(r.get("nextDueAt"), now));
			default -> throw new IllegalArgumentException(section.name());
		};
	}

	// ---- the dealer inbox ----------------------------------------------------------------------------

	/** Open work orders of the caller's dealer (or region): overdue first, then the nearest due. */
	public Page<Row> inbox(InboxTab tab, Pageable pageable) {
		return inbox(tab, pageable, tally(WorkOrder.class, inboxSpec(tab)));
	}

	/** A page of the inbox and the badge of every tab. */
	public record Inbox(Page<Row> page, Map<InboxTab, Tally> counts) {
	}

	/** {@link #inbox(InboxTab, Pageable)} with every tab's badge, in one transaction (the tab's own badge gives the page total). */
	public Inbox inboxWithCounts(InboxTab tab, Pageable pageable) {
		Map<InboxTab, Tally> counts = inboxTallies();
		return new Inbox(inbox(tab, pageable, counts.get(tab)), counts);
	}

	/**
	 * The badge of every inbox tab in one statement: per tab, the ids of at most {@link Tally#CAP} of its rows,
	 * counted. The same conditions as {@link #inboxSpec} (a test holds the two to each other), written in SQL so that
	 * the four badges cost one round trip instead of four criteria queries (issue 17).
	 */
	private Map<InboxTab, Tally> inboxTallies() {
		List<Long> visible = access.visibleDealers();
		Map<InboxTab, Tally> counts = new EnumMap<>(InboxTab.class);
		if (visible != null && visible.isEmpty()) {
			for (InboxTab t : InboxTab.values()) {
				counts.put(t, Tally.counted(0));
			}
			return Collections.unmodifiableMap(counts);
		}
		var query = em.createNativeQuery(visible == null ? INBOX_TALLIES_ALL : INBOX_TALLIES_OF_DEALERS);
		if (visible != null) {
			query.setParameter("dealers", visible);
		}
		Object[] found = (Object[]) query.getSingleResult();
		for (InboxTab t : InboxTab.values()) {
			counts.put(t, Tally.counted(((Number) found[t.ordinal()]).longValue()));
		}
		return Collections.unmodifiableMap(counts);
	}

	/** The SQL condition each tab adds to the open work orders at a dealer (those of {@link #inboxSpec}). */
	private static String inboxCondition(InboxTab tab) {
		return switch (tab) {
			case ALL -> "";
			case CONFIRM -> " and w.status = '" + WorkOrderStatus.DISPATCHED.name() + "'";
			case REPLY -> " and w.status = '" + WorkOrderStatus.CONFIRMED.name() + "' and w.first_reply_at is null";
			case PROGRESS -> " and w.first_reply_at is not null";
		};
	}

	private static final String INBOX_TALLIES_ALL = inboxTallies(false);
	private static final String INBOX_TALLIES_OF_DEALERS = inboxTallies(true);

	private static String inboxTallies(boolean ofDealers) {
		String rows = "select w.id from work_order w join complaint c on c.id = w.complaint_id where w.status in ("
				+ sqlLiterals(WorkOrderStatus.CURRENT) + ") and c.status in (" + sqlLiterals(ComplaintStatus.OPEN_AT_DEALER)
				+ ")" + (ofDealers ? " and w.dealer_id in (:dealers)" : "");
		return "select " + Arrays.stream(InboxTab.values())
				.map(t -> "(select count(*) from (" + rows + inboxCondition(t) + " fetch first " + Tally.CAP + " rows only) t)")
				.collect(Collectors.joining(", "));
	}

	private static String sqlLiterals(Collection<? extends Enum<?>> values) {
		return values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(","));
	}

	private Page<Row> inbox(InboxTab tab, Pageable pageable, Tally tally) {
		Specification<WorkOrder> spec = inboxSpec(tab);
		long total = tally.capped() ? workOrders.count(spec) : tally.value();
		List<WorkOrder> list = total <= pageable.getOffset() ? List.of() : workOrderSlice(spec, pageable);
		return new PageImpl<>(workOrderRows(list), pageable, total);
	}

	/** One page of work orders with their complaints, nearest due first, without a count query. */
	private List<WorkOrder> workOrderSlice(Specification<WorkOrder> spec, Pageable pageable) {
		var cb = em.getCriteriaBuilder();
		var q = cb.createQuery(WorkOrder.class);
		Root<WorkOrder> r = q.from(WorkOrder.class);
		Predicate where = spec.toPredicate(r, q, cb);
		if (where != null) {
			q.where(where);
		}
		q.select(r).orderBy(cb.asc(r.get("nextDueAt"), jakarta.persistence.criteria.Nulls.LAST), cb.asc(r.get("id")));
		return em.createQuery(q).setFirstResult((int) pageable.getOffset()).setMaxResults(pageable.getPageSize())
				.getResultList();
	}

	public Tally inboxCount(InboxTab tab) {
		return tally(WorkOrder.class, inboxSpec(tab));
	}

	/** Open work orders of the caller's scope past their next deadline. */
	public Tally inboxOverdue() {
		Instant now = clock.instant();
		return tally(WorkOrder.class, inboxSpec(InboxTab.ALL).and((r, q, cb) -> cb.lessThan(r.get("nextDueAt"), now)));
	}

	private Specification<WorkOrder> inboxSpec(InboxTab tab) {
		Specification<WorkOrder> base = currentOrders(ComplaintStatus.OPEN_AT_DEALER);
		return switch (tab) {
			case ALL -> base;
			case CONFIRM -> base.and((r, q, cb) -> Literals.is(cb, r.get("status"), WorkOrderStatus.DISPATCHED));
			case REPLY -> base.and((r, q, cb) -> cb.and(Literals.is(cb, r.get("status"), WorkOrderStatus.CONFIRMED),
					cb.isNull(r.get("firstReplyAt"))));
			case PROGRESS -> base.and((r, q, cb) -> cb.isNotNull(r.get("firstReplyAt")));
		};
	}

	/** Current work orders the caller may see whose complaint is in one of {@code statuses}; fetches the complaint. */
	private Specification<WorkOrder> currentOrders(Collection<ComplaintStatus> statuses) {
		List<Long> visible = access.visibleDealers();
		return (r, q, cb) -> {
			if (q.getResultType() != Long.class && q.getResultType() != long.class) {
				r.fetch("complaint", JoinType.INNER);
			}
			List<Predicate> ps = new ArrayList<>();
			ps.add(Literals.among(cb, r.get("status"), WorkOrderStatus.CURRENT));
			ps.add(Literals.among(cb, r.get("complaint").get("status"), statuses));
			if (visible != null) {
				ps.add(visible.isEmpty() ? cb.disjunction() : r.get("dealerId").in(visible));
			}
			return cb.and(ps.toArray(Predicate[]::new));
		};
	}

	// ---- the callback queue ----------------------------------------------------------------------------

	/** Complaints waiting for their callback, the earliest due first. */
	public Page<Row> callbacks(Pageable pageable) {
		return complaintRows(access.visible().and(statusIs(ComplaintStatus.CLOSURE_REQUESTED)), pageable,
				Sort.by("callbackDueAt", "id"));
	}

	/** Callbacks due by the end of today (business time) and those already overdue. */
	public Tally[] callbackCounts() {
		Instant now = clock.instant();
		Instant endOfToday = LocalDate.ofInstant(now, TimeConfig.BUSINESS_ZONE).plusDays(1)
				.atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
		Specification<Complaint> waiting = access.visible().and(statusIs(ComplaintStatus.CLOSURE_REQUESTED));
		Tally overdue = tally(Complaint.class, waiting.and((r, q, cb) -> cb.lessThan(r.get("callbackDueAt"), now)));
		Tally today = tally(Complaint.class, waiting.and((r, q, cb) -> cb.and(
				cb.greaterThanOrEqualTo(r.get("callbackDueAt"), now), cb.lessThan(r.get("callbackDueAt"), endOfToday))));
		return new Tally[] { today, overdue };
	}

	// ---- the complaint list --------------------------------------------------------------------------

	/** The searchable list: the caller's scope, the filters that are given. */
	public Page<Row> search(Filter f, Pageable pageable) {
		return complaintRows(filtered(f), pageable, null);
	}

	private Specification<Complaint> filtered(Filter f) {
		Specification<Complaint> s = access.visible();
		ComplaintStatus status = parse(ComplaintStatus.class, f.status());
		ComplaintKind kind = parse(ComplaintKind.class, f.kind());
		Channel channel = parse(Channel.class, f.channel());
		Category category = parse(Category.class, f.category());
		if (status != null) {
			s = s.and(statusIs(status));
		}
		if (kind != null) {
			s = s.and((r, q, cb) -> cb.equal(r.get("kind"), kind));
		}
		if (channel != null) {
			s = s.and((r, q, cb) -> cb.equal(r.get("channel"), channel));
		}
		if (category != null) {
			s = s.and((r, q, cb) -> cb.equal(r.get("category"), category));
		}
		if (f.dealerCode() != null && !f.dealerCode().isBlank()) {
			long dealerId = dealers.byCode(f.dealerCode()).map(DealerSummary::id).orElse(-1L);
			s = s.and((r, q, cb) -> {
				Subquery<Long> sub = q.subquery(Long.class);
				Root<WorkOrder> w = sub.from(WorkOrder.class);
				sub.select(w.get("id")).where(cb.equal(w.get("complaint"), r),
						cb.notEqual(w.get("status"), WorkOrderStatus.VOIDED), cb.equal(w.get("dealerId"), dealerId));
				return cb.exists(sub);
			});
		}
		if (f.q() != null && !f.q().isBlank()) {
			String text = f.q().trim();
			String like = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			Long id = text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
			s = s.and((r, q, cb) -> {
				List<Predicate> any = new ArrayList<>();
				any.add(cb.equal(r.get("externalId"), text));
				any.add(cb.like(cb.lower(r.get("customerName")), like, '\\'));
				any.add(cb.like(cb.lower(r.get("description")), like, '\\'));
				if (id != null) {
					any.add(cb.equal(r.get("id"), id));
				}
				return cb.or(any.toArray(Predicate[]::new));
			});
		}
		return s;
	}

	/** Sorts the list offers (request parameter → property); anything else: newest first. */
	public static Sort sortOf(String sort) {
		if (sort == null || sort.isBlank()) {
			return Sort.by(Sort.Direction.DESC, "registeredAt", "id");
		}
		boolean desc = sort.startsWith("-");
		String key = desc ? sort.substring(1) : sort;
		String property = switch (key) {
			case "registered" -> "registeredAt";
			case "status" -> "status";
			case "lastEvent" -> "lastEventAt";
			case "customer" -> "customerName";
			default -> "registeredAt";
		};
		return Sort.by(desc ? Sort.Direction.DESC : Sort.Direction.ASC, property).and(Sort.by("id"));
	}

	// ---- intake ----------------------------------------------------------------------------------------

	/** The customer's complaints that are still open: a call about one is a repeat, not a new complaint. */
	public List<Row> openOfCustomer(long customerId) {
		List<Complaint> list = complaints.ofCustomerIn(customerId, OPEN);
		return rows(list);
	}

	/** How many open complaints each of these customers has (the lookup marks them). */
	public Map<Long, Long> openCounts(Collection<Long> customerIds) {
		if (customerIds.isEmpty()) {
			return Map.of();
		}
		Specification<Complaint> s = (r, q, cb) -> cb.and(r.get("customerId").in(customerIds), Literals.among(cb, r.get("status"), OPEN));
		return complaints.findAll(s).stream().collect(Collectors.groupingBy(Complaint::getCustomerId, Collectors.counting()));
	}

	// ---- building rows ---------------------------------------------------------------------------------

	private static Specification<Complaint> statusIs(ComplaintStatus status) {
		return (r, q, cb) -> Literals.is(cb, r.get("status"), status);
	}

	private Page<Row> complaintRows(Specification<Complaint> spec, Pageable pageable, Sort sort) {
		Pageable p = sort == null ? pageable : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort);
		Page<Complaint> page = complaints.findAll(spec, p);
		return new PageImpl<>(rows(page.getContent()), pageable, page.getTotalElements());
	}

	private static final Sort WORK_ORDER_ORDER = Sort.by(Sort.Order.asc("nextDueAt").nullsLast(), Sort.Order.asc("id"));

	private Page<Row> workOrderRows(Specification<WorkOrder> spec, Pageable pageable) {
		Page<WorkOrder> page = workOrders.findAll(spec,
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), WORK_ORDER_ORDER));
		return new PageImpl<>(workOrderRows(page.getContent()), pageable, page.getTotalElements());
	}

	/** Rows of work orders (their complaints fetched with them): the dealers in one query. */
	private List<Row> workOrderRows(List<WorkOrder> list) {
		Map<Long, DealerSummary> byId = dealers.byIds(list.stream().map(WorkOrder::getDealerId).collect(Collectors.toSet()));
		Instant now = clock.instant();
		Map<Long, Integer> unreachable = unreachable(list.stream().map(WorkOrder::getComplaint).toList());
		Set<Long> alerted = alerted(list.stream().map(WorkOrder::getComplaint).toList());
		return list.stream().map(w -> row(w.getComplaint(), w, byId, now, unreachable, alerted)).toList();
	}

	/** Rows of complaints: their current work orders and dealers in one query each. */
	private List<Row> rows(List<Complaint> list) {
		if (list.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = list.stream().map(Complaint::getId).collect(Collectors.toSet());
		Specification<WorkOrder> current = (r, q, cb) -> cb.and(r.get("complaint").get("id").in(ids),
				Literals.among(cb, r.get("status"), WorkOrderStatus.CURRENT));
		Map<Long, WorkOrder> byComplaint = new HashMap<>();
		for (WorkOrder w : workOrders.findAll(current, Sort.by("seq"))) {
			byComplaint.put(w.getComplaint().getId(), w);
		}
		Set<Long> dealerIds = new HashSet<>();
		list.forEach(c -> {
			if (c.getHandlingDealerId() != null) {
				dealerIds.add(c.getHandlingDealerId());
			}
		});
		Map<Long, DealerSummary> byId = dealers.byIds(dealerIds);
		Instant now = clock.instant();
		Map<Long, Integer> unreachable = unreachable(list);
		Set<Long> alerted = alerted(list);
		return list.stream().map(c -> row(c, byComplaint.get(c.getId()), byId, now, unreachable, alerted)).toList();
	}

	/** Unreachable callbacks of the current closure round per complaint waiting for its callback (one query). */
	private Map<Long, Integer> unreachable(List<Complaint> list) {
		List<Complaint> waiting = list.stream().filter(c -> c.getStatus() == ComplaintStatus.CLOSURE_REQUESTED).toList();
		if (waiting.isEmpty()) {
			return Map.of();
		}
		Map<Long, Integer> rounds = waiting.stream().collect(Collectors.toMap(Complaint::getId, Complaint::getClosureRound,
				(a, b) -> a));
		var cb = em.getCriteriaBuilder();
		var q = cb.createTupleQuery();
		Root<Callback> r = q.from(Callback.class);
		var complaintId = r.get("complaint").<Long>get("id");
		var round = r.<Integer>get("closureRound");
		q.multiselect(complaintId, round).where(complaintId.in(rounds.keySet()), cb.isFalse(r.get("reached")));
		Map<Long, Integer> out = new HashMap<>();
		for (var t : em.createQuery(q).getResultList()) {
			long id = t.get(complaintId);
			if (rounds.get(id).intValue() == t.get(round).intValue()) {
				out.merge(id, 1, Integer::sum);
			}
		}
		return out;
	}

	@jakarta.persistence.PersistenceContext
	private jakarta.persistence.EntityManager em;

	/** Vehicles of the product-quality complaints in the list that another module marks (one query each). */
	private Set<Long> alerted(List<Complaint> list) {
		Set<Long> vehicles = list.stream().filter(c -> c.getCategory() == Category.PRODUCT_QUALITY && c.getVehicleId() != null)
				.map(Complaint::getVehicleId).collect(Collectors.toSet());
		if (vehicles.isEmpty() || vehicleAlerts.isEmpty()) {
			return Set.of();
		}
		Set<Long> out = new HashSet<>();
		vehicleAlerts.forEach(a -> out.addAll(a.alerted(vehicles)));
		return out;
	}

	private Row row(Complaint c, WorkOrder w, Map<Long, DealerSummary> dealerById, Instant now,
			Map<Long, Integer> unreachable, Set<Long> alerted) {
		Long dealerId = w != null ? w.getDealerId() : c.getHandlingDealerId();
		DealerSummary d = dealerId == null ? null : dealerById.get(dealerId);
		boolean escalated = Escalation.shown(c, now, policies);
		boolean overdue = c.getStatus() == ComplaintStatus.CLOSURE_REQUESTED
				? c.getCallbackDueAt() != null && now.isAfter(c.getCallbackDueAt())
				: w != null && w.isOverdueAt(now);
		OnlinePost post = c.getOnline();
		return new Row(c.getId(), c.getExternalId(), c.getKind(), c.getChannel(), c.getCategory(), c.getStatus(),
				c.getCustomerName(), c.isGreenChannel(), c.isMajor(), escalated, c.getDescription(), c.getRegisteredAt(),
				w == null ? null : w.getId(), w == null ? null : w.getStatus(), w != null && w.getFirstReplyAt() != null,
				d == null ? null : d.code(), d == null ? null : d.name(), w == null ? null : w.getNextDueAt(),
				c.getCallbackDueAt(), overdue, unreachable.getOrDefault(c.getId(), 0),
				post == null ? null : post.getPlatform(), post != null && post.isNegative(),
				c.getCategory() == Category.PRODUCT_QUALITY && c.getVehicleId() != null && alerted.contains(c.getVehicleId()));
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	static ZonedDateTime local(Instant t) {
		return t == null ? null : t.atZone(TimeConfig.BUSINESS_ZONE);
	}
}
