package com.kcm.complaint;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.Role;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.io.XlsxExport;

/**
 * The bulletin of unclosed complaints customer service publishes (未闭环抱怨通报, SPEC §4.2 step 8): every
 * complaint neither closed nor cancelled, oldest first dispatch first, with its age in days, escalation,
 * project number and dealers. No personal data besides the customer's name: never a phone number.
 */
@Service
@Transactional(readOnly = true)
class UnclosedComplaints {

	static final int EXPORT_PAGE = 500;

	static final Set<ComplaintStatus> OPEN = EnumSet.of(ComplaintStatus.REGISTERED, ComplaintStatus.DISPATCHED,
			ComplaintStatus.IN_PROGRESS, ComplaintStatus.CLOSURE_REQUESTED);

	private static final EnumSet<Role> READERS = EnumSet.of(Role.CS_AGENT, Role.AFTER_SALES);

	private final ComplaintAccess access;
	private final ComplaintRepository complaints;
	private final DealerCatalog dealers;
	private final Policies policies;
	private final MessageSource messages;
	private final Audit audit;
	private final Clock clock;

	UnclosedComplaints(ComplaintAccess access, ComplaintRepository complaints, DealerCatalog dealers, Policies policies,
			MessageSource messages, Audit audit, Clock clock) {
		this.access = access;
		this.complaints = complaints;
		this.dealers = dealers;
		this.policies = policies;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What to list: a dealer code (responsible or handling), a region code (of either dealer), escalated
	 * only, and more than {@code olderThanDays} whole days since the first dispatch (local dates). Blank means any.
	 */
	public record Filter(String dealer, String region, boolean escalatedOnly, Integer olderThanDays) {

		public static Filter of(String dealer, String region, Boolean escalatedOnly, Integer olderThanDays) {
			return new Filter(blank(dealer), blank(region), Boolean.TRUE.equals(escalatedOnly),
					olderThanDays == null || olderThanDays < 0 ? null : olderThanDays);
		}

		private static String blank(String s) {
			return s == null || s.isBlank() ? null : s.trim();
		}
	}

	/** One line of the bulletin. */
	public record Row(long id, String externalId, String kind, String channel, String category, String status,
			String customerName, boolean greenChannel, boolean major, String responsibleDealer, String handlingDealer,
			String region, LocalDate firstDispatchedOn, Long ageDays, boolean escalated, String projectNo) {
	}

	public Page<Row> list(Filter filter, Pageable pageable) {
		access.require(READERS);
		return page(filter, pageable);
	}

	/**
	 * The bulletin as xlsx, titled "未闭环抱怨通报 YYYY-MM-DD", written page by page. Not in one transaction:
	 * each page reads in its own, and the audit entry is written in its own (never in a read-only one).
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void export(Filter filter, Locale locale, OutputStream out) {
		access.require(READERS);
		LocalDate today = today();
		List<String> headers = Arrays.asList(text("closure.col.complaint", locale), text("closure.col.externalId", locale),
				text("closure.col.kind", locale), text("closure.col.category", locale),
				text("closure.col.status", locale), text("closure.col.customer", locale),
				text("closure.col.responsibleDealer", locale), text("closure.col.handlingDealer", locale),
				text("closure.col.region", locale), text("closure.col.firstDispatch", locale),
				text("closure.col.ageDays", locale), text("closure.col.escalated", locale),
				text("closure.col.projectNo", locale), text("closure.col.greenChannel", locale),
				text("closure.col.major", locale));
		long[] rows = { 0 };
		XlsxExport.write(out, today.toString(), text("closure.unclosed.exportTitle", locale, today.toString()), headers,
				sink -> {
					for (int page = 0;; page++) {
						Page<Row> p = page(filter, PageRequest.of(page, EXPORT_PAGE));
						for (Row r : p.getContent()) {
							sink.row(Arrays.asList(r.id(), r.externalId(), text("closure.kind." + r.kind(), locale),
									r.category() == null ? null : text("closure.category." + r.category(), locale),
									text("closure.status." + r.status(), locale), r.customerName(),
									r.responsibleDealer(), r.handlingDealer(), r.region(), r.firstDispatchedOn(),
									r.ageDays(), r.escalated(), r.projectNo(), r.greenChannel(), r.major()));
							rows[0]++;
						}
						if (!p.hasNext()) {
							break;
						}
					}
				});
		audit.event(Audit.EXPORT, "unclosed_complaints", null, rows[0] + " rows; " + filter);
	}

	private Page<Row> page(Filter filter, Pageable pageable) {
		Sort sort = Sort.by(Sort.Order.asc("firstDispatchedAt").nullsLast(), Sort.Order.asc("id"));
		Page<Complaint> page = complaints.findAll(spec(filter),
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort));
		Set<Long> dealerIds = new HashSet<>();
		for (Complaint c : page.getContent()) {
			if (c.getResponsibleDealerId() != null) {
				dealerIds.add(c.getResponsibleDealerId());
			}
			if (c.getHandlingDealerId() != null) {
				dealerIds.add(c.getHandlingDealerId());
			}
		}
		Map<Long, DealerSummary> byId = dealers.byIds(dealerIds);
		Instant now = clock.instant();
		LocalDate today = today();
		List<Row> rows = new ArrayList<>();
		for (Complaint c : page.getContent()) {
			DealerSummary responsible = c.getResponsibleDealerId() == null ? null : byId.get(c.getResponsibleDealerId());
			DealerSummary handling = c.getHandlingDealerId() == null ? null : byId.get(c.getHandlingDealerId());
			LocalDate dispatched = c.getFirstDispatchedAt() == null ? null
					: LocalDate.ofInstant(c.getFirstDispatchedAt(), TimeConfig.BUSINESS_ZONE);
			boolean escalated = Escalation.shown(c, now, policies);
			rows.add(new Row(c.getId(), c.getExternalId(), c.getKind().name(), c.getChannel().name(),
					c.getCategory() == null ? null : c.getCategory().name(), c.getStatus().name(), c.getCustomerName(),
					c.isGreenChannel(), c.isMajor(), label(responsible), label(handling),
					responsible == null ? null : responsible.regionName(), dispatched,
					dispatched == null ? null : ChronoUnit.DAYS.between(dispatched, today), escalated, c.getProjectNo()));
		}
		return new PageImpl<>(rows, pageable, page.getTotalElements());
	}

	private Specification<Complaint> spec(Filter f) {
		Specification<Complaint> spec = access.visible().and((r, q, cb) -> Literals.among(cb, r.get("status"), OPEN));
		if (f.dealer() != null) {
			long id = dealers.byCode(f.dealer()).map(DealerSummary::id).orElse(-1L);
			spec = spec.and((r, q, cb) -> cb.or(cb.equal(r.get("responsibleDealerId"), id),
					cb.equal(r.get("handlingDealerId"), id)));
		}
		if (f.region() != null) {
			List<Long> ids = dealers.regionByCode(f.region())
					.map(region -> dealers.dealersOfRegion(region.id()).stream().map(DealerSummary::id).toList())
					.orElse(List.of());
			spec = spec.and((r, q, cb) -> ids.isEmpty() ? cb.disjunction()
					: cb.or(r.get("responsibleDealerId").in(ids), r.get("handlingDealerId").in(ids)));
		}
		if (f.escalatedOnly()) {
			Instant now = clock.instant();
			Instant due = now.atZone(TimeConfig.BUSINESS_ZONE).toLocalDateTime()
					.minusMonths(policies.intAt(PolicyName.ESCALATION_MONTHS, now)).atZone(TimeConfig.BUSINESS_ZONE)
					.toInstant();
			spec = spec.and((r, q, cb) -> cb.or(cb.isNotNull(r.get("escalatedAt")),
					cb.lessThanOrEqualTo(r.<Instant>get("firstDispatchedAt"), due)));
		}
		if (f.olderThanDays() != null) {
			Instant before = today().minusDays(f.olderThanDays()).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
			spec = spec.and((r, q, cb) -> cb.lessThan(r.<Instant>get("firstDispatchedAt"), before));
		}
		return spec;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
	}

	private static String label(DealerSummary d) {
		return d == null ? null : d.label();
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
