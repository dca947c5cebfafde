package com.kcm.dealer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Scope;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.Violations;

/**
 * The dealer network's published queries. Two kinds:
 * <ul>
 * <li>by id, for other modules' own processing (an assessment of every dealer, a work order's dealer): not
 * scoped, the caller has already scoped its own records;</li>
 * <li>{@code visible…} and {@link #search}: for what a user asked, scoped to the caller (SPEC §8); a dealer
 * outside the scope is a {@link NotFoundException} and an audit entry.</li>
 * </ul>
 * Status and star level on a past day come from the dated history: the status given at creation holds
 * from the accepted-on date, and before that date a dealer has no status (it is not active).
 */
@Service
@Transactional(readOnly = true)
public class DealerCatalog {

	private final DealerRepository dealers;
	private final RegionRepository regions;
	private final DealerStatusHistory statusHistory;
	private final DealerStarHistory starHistory;
	private final CurrentUsers currentUsers;
	private final Audit audit;
	private final Clock clock;

	DealerCatalog(DealerRepository dealers, RegionRepository regions, DealerStatusHistory statusHistory,
			DealerStarHistory starHistory, CurrentUsers currentUsers, Audit audit, Clock clock) {
		this.dealers = dealers;
		this.regions = regions;
		this.statusHistory = statusHistory;
		this.starHistory = starHistory;
		this.currentUsers = currentUsers;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- lookups for other modules (not scoped) ----

	public Optional<DealerSummary> byId(long dealerId) {
		return dealers.findById(dealerId).map(d -> summaries(List.of(d)).get(0));
	}

	public Optional<DealerSummary> byCode(String code) {
		return code == null ? Optional.empty()
				: dealers.findByCode(normaliseCode(code)).map(d -> summaries(List.of(d)).get(0));
	}

	/** Many dealers at once (two queries), keyed by id; unknown ids are absent. */
	public Map<Long, DealerSummary> byIds(Collection<Long> dealerIds) {
		if (dealerIds.isEmpty()) {
			return Map.of();
		}
		return summaries(dealers.findAllById(dealerIds)).stream()
				.collect(Collectors.toMap(DealerSummary::id, Function.identity()));
	}

	/** Every dealer of the network, by code. */
	public List<DealerSummary> all() {
		return summaries(dealers.findAllByOrderByCode());
	}

	public List<DealerSummary> dealersOfRegion(long regionId) {
		return summaries(dealers.findByRegionIdOrderByCode(regionId));
	}

	/** The dealers whose status on {@code day} is {@code ACTIVE}. */
	public List<DealerSummary> activeOn(LocalDate day) {
		Map<Long, List<DealerStatusEntry>> histories = allStatusHistories();
		return summaries(dealers.findAllByOrderByCode().stream()
				.filter(d -> statusOn(d, histories.getOrDefault(d.getId(), List.of()), day) == DealerStatus.ACTIVE)
				.toList());
	}

	/** The status in force on {@code day}; empty before the accepted-on date or for an unknown dealer. */
	public Optional<DealerStatus> statusOn(long dealerId, LocalDate day) {
		return dealers.findById(dealerId)
				.map(d -> statusOn(d, statusHistory.findByDealerIdOrderByEffectiveFrom(dealerId), day));
	}

	/** The status of every dealer on {@code day} (two queries); a dealer without status that day is absent. */
	public Map<Long, DealerStatus> statusesOn(LocalDate day) {
		Map<Long, List<DealerStatusEntry>> histories = allStatusHistories();
		Map<Long, DealerStatus> out = new HashMap<>();
		for (Dealer d : dealers.findAll()) {
			DealerStatus s = statusOn(d, histories.getOrDefault(d.getId(), List.of()), day);
			if (s != null) {
				out.put(d.getId(), s);
			}
		}
		return out;
	}

	/**
	 * The status of each day of the month, in date order; a day before the accepted-on date maps to
	 * {@code null} (no status: not active).
	 */
	public Map<LocalDate, DealerStatus> statusesDuring(long dealerId, YearMonth month) {
		Dealer d = dealers.findById(dealerId).orElseThrow(() -> new NotFoundException("dealer", dealerId));
		List<DealerStatusEntry> h = statusHistory.findByDealerIdOrderByEffectiveFrom(dealerId);
		Map<LocalDate, DealerStatus> days = new LinkedHashMap<>();
		for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
			days.put(day, statusOn(d, h, day));
		}
		return days;
	}

	/** SPEC §5.3 item 6: the days of the month on which the dealer was not {@code ACTIVE} (0 = active throughout). */
	public int daysNotActive(long dealerId, YearMonth month) {
		Dealer d = dealers.findById(dealerId).orElseThrow(() -> new NotFoundException("dealer", dealerId));
		return Timeline.daysNotActive(d.getAcceptedOn(), statusHistory.findByDealerIdOrderByEffectiveFrom(dealerId),
				month);
	}

	/** {@link #daysNotActive(long, YearMonth)} of every dealer, in two queries. */
	public Map<Long, Integer> daysNotActive(YearMonth month) {
		Map<Long, List<DealerStatusEntry>> histories = allStatusHistories();
		Map<Long, Integer> out = new HashMap<>();
		for (Dealer d : dealers.findAll()) {
			out.put(d.getId(), Timeline.daysNotActive(d.getAcceptedOn(), histories.getOrDefault(d.getId(), List.of()), month));
		}
		return out;
	}

	/** The star level in force on {@code day}; empty before the accepted-on date or for an unknown dealer. */
	public OptionalInt starOn(long dealerId, LocalDate day) {
		Optional<Dealer> d = dealers.findById(dealerId);
		if (d.isEmpty()) {
			return OptionalInt.empty();
		}
		Integer star = Timeline.valueOn(d.get().getAcceptedOn(), starHistory.findByDealerIdOrderByEffectiveFrom(dealerId), day);
		return star == null ? OptionalInt.empty() : OptionalInt.of(star);
	}

	public List<DatedStatus> statusHistory(long dealerId) {
		return statusHistory.findByDealerIdOrderByEffectiveFrom(dealerId).stream().map(DealerStatusEntry::view).toList();
	}

	public List<DatedStar> starHistory(long dealerId) {
		return starHistory.findByDealerIdOrderByEffectiveFrom(dealerId).stream().map(DealerStarEntry::view).toList();
	}

	public Optional<RegionSummary> region(long regionId) {
		return regions.findById(regionId).map(DealerCatalog::summary);
	}

	public Optional<RegionSummary> regionByCode(String code) {
		return code == null ? Optional.empty() : regions.findByCode(normaliseCode(code)).map(DealerCatalog::summary);
	}

	public List<RegionSummary> regions() {
		return regions.findAllByOrderByCode().stream().map(DealerCatalog::summary).toList();
	}

	/** Number of dealers per region id (regions without dealers absent). */
	public Map<Long, Long> dealerCountByRegion() {
		return dealers.countByRegion().stream()
				.collect(Collectors.toMap(r -> (Long) r[0], r -> ((Number) r[1]).longValue()));
	}

	// ---- what the caller may see (scoped) ----

	/** The dealer with this code if the caller may see it; otherwise 404 and, for an existing dealer, an audit entry. */
	public DealerSummary visible(String code) {
		return summaries(List.of(visibleEntity(code))).get(0);
	}

	/** A page of the dealers the caller may see, filtered. */
	public Page<DealerSummary> search(DealerSearch filter, Pageable pageable) {
		Scope scope = scope();
		Violations v = new Violations();
		DealerType type = blank(filter.type()) ? null : DealerValues.type(filter.type(), "type", v);
		DealerStatus status = blank(filter.status()) ? null : DealerValues.status(filter.status(), "status", v);
		v.throwIfAny();
		Long regionId = null;
		if (!blank(filter.regionCode())) {
			regionId = regions.findByCode(normaliseCode(filter.regionCode())).map(Region::getId).orElse(-1L);
		}
		Page<Dealer> page = dealers.search(scope.dealerId(), scope.regionId(), regionId, type, status,
				blank(filter.q()) ? null : filter.q().trim(), pageable);
		return new PageImpl<>(summaries(page.getContent()), page.getPageable(), page.getTotalElements());
	}

	public long countVisible() {
		Scope scope = scope();
		return dealers.countVisible(scope.dealerId(), scope.regionId());
	}

	public List<RegionSummary> visibleRegions() {
		Scope scope = scope();
		return regions.findVisible(scope.dealerId(), scope.regionId()).stream().map(DealerCatalog::summary).toList();
	}

	/** Sorts the list may be ordered by (request parameter → property); anything else sorts by code. */
	public static Sort sortOf(String sort) {
		if (sort == null || sort.isBlank()) {
			return Sort.by("code");
		}
		boolean desc = sort.startsWith("-");
		String key = desc ? sort.substring(1) : sort;
		String property = switch (key) {
			case "name", "type", "status", "starLevel", "acceptedOn", "code" -> key;
			case "region" -> "regionId";
			default -> "code";
		};
		return Sort.by(desc ? Sort.Direction.DESC : Sort.Direction.ASC, property).and(Sort.by("code"));
	}

	// ---- module internals ----

	Dealer visibleEntity(String code) {
		Scope scope = scope();
		String c = code == null ? "" : normaliseCode(code);
		return dealers.findVisibleByCode(c, scope.dealerId(), scope.regionId()).orElseThrow(() -> {
			if (dealers.existsByCode(c)) {
				audit.notVisible("dealer", c);
			}
			return new NotFoundException("dealer", c);
		});
	}

	List<DealerSummary> summaries(List<Dealer> list) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<Long, Region> byId = regions.findAllById(list.stream().map(Dealer::getRegionId).distinct().toList()).stream()
				.collect(Collectors.toMap(Region::getId, Function.identity()));
		List<DealerSummary> out = new ArrayList<>(list.size());
		for (Dealer d : list) {
			Region r = byId.get(d.getRegionId());
			out.add(new DealerSummary(d.getId(), d.getCode(), d.getName(), d.getType(), d.getRegionId(),
					r == null ? null : r.getCode(), r == null ? null : r.getName(), d.getStatus(), d.getStarLevel(),
					d.getAcceptedOn(), d.getContactPhone(), d.getContactEmail()));
		}
		return out;
	}

	/**
	 * The caller's scope. No signed-in user means the application itself (start-up, scheduled work): every
	 * web and API request is authenticated by the security filters before it gets here.
	 */
	private Scope scope() {
		return currentUsers.find().map(CurrentUser::scope).orElse(Scope.ALL);
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
	}

	private Map<Long, List<DealerStatusEntry>> allStatusHistories() {
		return statusHistory.findAll(Sort.by("dealerId", "effectiveFrom")).stream()
				.collect(Collectors.groupingBy(DealerStatusEntry::getDealerId));
	}

	static DealerStatus statusOn(Dealer d, List<DealerStatusEntry> ascending, LocalDate day) {
		return Timeline.valueOn(d.getAcceptedOn(), ascending, day);
	}

	static RegionSummary summary(Region r) {
		return new RegionSummary(r.getId(), r.getCode(), r.getName());
	}

	static String normaliseCode(String code) {
		return code.trim().toUpperCase(Locale.ROOT);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
