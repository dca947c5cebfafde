package com.kcm.dealer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.Violations;

/**
 * Changes the dealer network (ADMIN): regions, dealers, and the dated status and star-level history.
 * <p>
 * History semantics: the status and star level given at creation hold from the accepted-on date (the first
 * history entry is written then). A change is an entry effective from a date on or after the accepted-on
 * date; a second change for the same date replaces that day's entry, earlier entries are never touched.
 * The dealer's {@code status} and {@code starLevel} columns hold the values in force today (business zone),
 * refreshed on every change and daily. Every change is audited in its transaction; a status entry
 * publishes {@link DealerStatusChanged}.
 */
@Service
@Transactional
public class DealerNetwork {

	static final int MAX_NAME = 200;
	static final int MAX_REGION_NAME = 100;
	static final int MAX_REASON = 500;

	private final DealerRepository dealers;
	private final RegionRepository regions;
	private final DealerStatusHistory statusHistory;
	private final DealerStarHistory starHistory;
	private final DealerCatalog catalog;
	private final CurrentUsers currentUsers;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DealerNetwork(DealerRepository dealers, RegionRepository regions, DealerStatusHistory statusHistory,
			DealerStarHistory starHistory, DealerCatalog catalog, CurrentUsers currentUsers, Audit audit,
			ApplicationEventPublisher events, Clock clock) {
		this.dealers = dealers;
		this.regions = regions;
		this.statusHistory = statusHistory;
		this.starHistory = starHistory;
		this.catalog = catalog;
		this.currentUsers = currentUsers;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// ---- regions ----

	public RegionSummary createRegion(RegionCommand cmd) {
		Violations v = new Violations();
		NewRegion r = checkNewRegion(cmd, v, code -> regions.existsByCode(code));
		v.throwIfAny();
		return DealerCatalog.summary(insert(r));
	}

	public RegionSummary renameRegion(String code, RegionCommand cmd) {
		Region r = regions.findByCode(DealerCatalog.normaliseCode(code == null ? "" : code))
				.orElseThrow(() -> new NotFoundException("region", code));
		Violations v = new Violations();
		String name = DealerValues.text(cmd.name(), "name", MAX_REGION_NAME, true, v);
		v.throwIfAny();
		RegionSnapshot before = snapshot(r);
		r.rename(name);
		audit.changed(Audit.UPDATE, "region", r.getCode(), before, snapshot(r));
		return DealerCatalog.summary(r);
	}

	record NewRegion(String code, String name) {
	}

	NewRegion checkNewRegion(RegionCommand cmd, Violations v, Predicate<String> codeTaken) {
		String code = DealerValues.code(cmd.code(), "code", v);
		if (code != null && codeTaken.test(code)) {
			v.field("code", "region.code.taken", code);
		}
		String name = DealerValues.text(cmd.name(), "name", MAX_REGION_NAME, true, v);
		return new NewRegion(code, name);
	}

	Region insert(NewRegion n) {
		Region r = regions.save(new Region(n.code(), n.name()));
		audit.changed(Audit.CREATE, "region", r.getCode(), null, snapshot(r));
		return r;
	}

	// ---- dealers ----

	public DealerSummary createDealer(DealerCommand cmd) {
		Violations v = new Violations();
		NewDealer n = checkNewDealer(cmd, v, dealers::existsByCode, regions::findByCode);
		v.throwIfAny();
		return catalog.summaries(List.of(insert(n))).get(0);
	}

	record NewDealer(String code, String name, DealerType type, Region region, DealerStatus status,
			LocalDate acceptedOn, int starLevel, String contactPhone, String contactEmail) {
	}

	NewDealer checkNewDealer(DealerCommand cmd, Violations v, Predicate<String> codeTaken,
			Function<String, Optional<Region>> regionByCode) {
		String code = DealerValues.code(cmd.code(), "code", v);
		if (code != null && codeTaken.test(code)) {
			v.field("code", "dealer.code.taken", code);
		}
		String name = DealerValues.text(cmd.name(), "name", MAX_NAME, true, v);
		DealerType type = DealerValues.type(cmd.type(), "type", v);
		Region region = region(cmd.regionCode(), v, regionByCode);
		DealerStatus status = DealerValues.status(cmd.status(), "status", v);
		LocalDate acceptedOn = DealerValues.date(cmd.acceptedOn(), "acceptedOn", v);
		Integer star = DealerValues.star(cmd.starLevel(), "starLevel", false, v);
		String phone = DealerValues.phone(cmd.contactPhone(), "contactPhone", v);
		String email = DealerValues.email(cmd.contactEmail(), "contactEmail", v);
		return new NewDealer(code, name, type, region, status, acceptedOn, star == null ? 0 : star, phone, email);
	}

	private static Region region(String regionCode, Violations v, Function<String, Optional<Region>> regionByCode) {
		if (DealerValues.blank(regionCode)) {
			v.field("regionCode", "error.required");
			return null;
		}
		Optional<Region> r = regionByCode.apply(DealerCatalog.normaliseCode(regionCode));
		if (r.isEmpty()) {
			v.field("regionCode", "dealer.region.unknown", regionCode.trim());
		}
		return r.orElse(null);
	}

	Dealer insert(NewDealer n) {
		Dealer d = dealers.save(new Dealer(n.code(), n.name(), n.type(), n.region().getId(), n.status(), n.starLevel(),
				n.acceptedOn(), n.contactPhone(), n.contactEmail()));
		Instant now = clock.instant();
		String actor = actor();
		statusHistory.save(new DealerStatusEntry(d.getId(), n.status(), n.acceptedOn(), now, actor, null));
		starHistory.save(new DealerStarEntry(d.getId(), n.starLevel(), n.acceptedOn(), now, actor, null));
		audit.changed(Audit.CREATE, "dealer", d.getCode(), null, snapshot(d, n.region()));
		events.publishEvent(new DealerStatusChanged(d.getId(), d.getCode(), null, n.status(), n.acceptedOn()));
		return d;
	}

	/**
	 * Changes a dealer's details (name, type, region, accepted-on date, contacts). Status and star level are
	 * not changed here but through the dated history. Moving the accepted-on date moves the first history
	 * entries with it, as long as it stays before the next entry.
	 */
	public DealerSummary updateDealer(String code, DealerCommand cmd) {
		Dealer d = catalog.visibleEntity(code);
		Violations v = new Violations();
		String name = DealerValues.text(cmd.name(), "name", MAX_NAME, true, v);
		DealerType type = DealerValues.type(cmd.type(), "type", v);
		Region region = region(cmd.regionCode(), v, regions::findByCode);
		LocalDate acceptedOn = DealerValues.date(cmd.acceptedOn(), "acceptedOn", v);
		String phone = DealerValues.phone(cmd.contactPhone(), "contactPhone", v);
		String email = DealerValues.email(cmd.contactEmail(), "contactEmail", v);
		List<DealerStatusEntry> statuses = statusHistory.findByDealerIdOrderByEffectiveFrom(d.getId());
		List<DealerStarEntry> stars = starHistory.findByDealerIdOrderByEffectiveFrom(d.getId());
		boolean moved = acceptedOn != null && !acceptedOn.equals(d.getAcceptedOn());
		if (moved) {
			LocalDate next = nextAfterFirst(statuses.stream().map(DealerStatusEntry::getEffectiveFrom).toList(),
					stars.stream().map(DealerStarEntry::getEffectiveFrom).toList());
			if (next != null && !acceptedOn.isBefore(next)) {
				v.field("acceptedOn", "dealer.acceptedOn.afterHistory", next);
			}
		}
		v.throwIfAny();
		DealerSnapshot before = snapshot(d, regions.findById(d.getRegionId()).orElse(null));
		if (moved) {
			statuses.get(0).moveTo(acceptedOn);
			stars.get(0).moveTo(acceptedOn);
		}
		d.changeDetails(name, type, region.getId(), acceptedOn, phone, email);
		applyToday(d);
		audit.changed(Audit.UPDATE, "dealer", d.getCode(), before, snapshot(d, region));
		return catalog.summaries(List.of(d)).get(0);
	}

	private static LocalDate nextAfterFirst(List<LocalDate> a, List<LocalDate> b) {
		LocalDate next = a.size() > 1 ? a.get(1) : null;
		if (b.size() > 1 && (next == null || b.get(1).isBefore(next))) {
			next = b.get(1);
		}
		return next;
	}

	/** Records a status in force from a date (SPEC §2): same date replaces that day's entry. */
	public DealerSummary changeStatus(String code, StatusChange change) {
		Dealer d = catalog.visibleEntity(code);
		Violations v = new Violations();
		DealerStatus status = DealerValues.status(change.status(), "status", v);
		LocalDate from = effectiveFrom(change.effectiveFrom(), d, v);
		String reason = DealerValues.text(change.reason(), "reason", MAX_REASON, false, v);
		v.throwIfAny();
		List<DealerStatusEntry> history = statusHistory.findByDealerIdOrderByEffectiveFrom(d.getId());
		DealerStatus previous = DealerCatalog.statusOn(d, history, from.minusDays(1));
		Optional<DealerStatusEntry> sameDay = history.stream().filter(e -> e.getEffectiveFrom().equals(from)).findFirst();
		StatusSnapshot before = sameDay.map(e -> entry(e.view())).orElse(null);
		DealerStatusEntry entry;
		if (sameDay.isPresent()) {
			entry = sameDay.get();
			entry.replace(status, clock.instant(), actor(), reason);
		} else {
			entry = statusHistory.save(new DealerStatusEntry(d.getId(), status, from, clock.instant(), actor(), reason));
		}
		applyToday(d);
		audit.changed(sameDay.isPresent() ? Audit.UPDATE : Audit.CREATE, "dealer_status", d.getCode(), before,
				entry(entry.view()));
		events.publishEvent(new DealerStatusChanged(d.getId(), d.getCode(), previous, status, from));
		return catalog.summaries(List.of(d)).get(0);
	}

	/** Records a star level in force from a date: same date replaces that day's entry. */
	public DealerSummary changeStar(String code, StarChange change) {
		Dealer d = catalog.visibleEntity(code);
		Violations v = new Violations();
		Integer star = DealerValues.star(change.starLevel(), "starLevel", true, v);
		LocalDate from = effectiveFrom(change.effectiveFrom(), d, v);
		String reason = DealerValues.text(change.reason(), "reason", MAX_REASON, false, v);
		v.throwIfAny();
		Optional<DealerStarEntry> sameDay = starHistory.findByDealerIdAndEffectiveFrom(d.getId(), from);
		StarSnapshot before = sameDay.map(e -> entry(e.view())).orElse(null);
		DealerStarEntry entry;
		if (sameDay.isPresent()) {
			entry = sameDay.get();
			entry.replace(star, clock.instant(), actor(), reason);
		} else {
			entry = starHistory.save(new DealerStarEntry(d.getId(), star, from, clock.instant(), actor(), reason));
		}
		applyToday(d);
		audit.changed(sameDay.isPresent() ? Audit.UPDATE : Audit.CREATE, "dealer_star", d.getCode(), before,
				entry(entry.view()));
		return catalog.summaries(List.of(d)).get(0);
	}

	private static LocalDate effectiveFrom(String value, Dealer d, Violations v) {
		LocalDate from = DealerValues.date(value, "effectiveFrom", v);
		if (from != null && from.isBefore(d.getAcceptedOn())) {
			v.field("effectiveFrom", "dealer.effectiveFrom.beforeAccepted", d.getAcceptedOn());
			return null;
		}
		return from;
	}

	/**
	 * Brings every dealer's {@code status} and {@code starLevel} columns to the values in force today (a
	 * dated entry may start after it was recorded). Pages through the dealers; idempotent.
	 */
	public int refreshToday() {
		LocalDate today = catalog.today();
		int changed = 0;
		Page<Dealer> page;
		int n = 0;
		do {
			page = dealers.findAll(PageRequest.of(n++, 500, Sort.by("id")));
			List<Long> ids = page.getContent().stream().map(Dealer::getId).toList();
			if (ids.isEmpty()) {
				break;
			}
			Map<Long, List<DealerStatusEntry>> statuses = statusHistory
					.findByDealerIdInOrderByDealerIdAscEffectiveFromAsc(ids).stream()
					.collect(Collectors.groupingBy(DealerStatusEntry::getDealerId));
			Map<Long, List<DealerStarEntry>> stars = starHistory.findByDealerIdInOrderByDealerIdAscEffectiveFromAsc(ids)
					.stream().collect(Collectors.groupingBy(DealerStarEntry::getDealerId));
			for (Dealer d : page.getContent()) {
				if (apply(d, statuses.getOrDefault(d.getId(), List.of()), stars.getOrDefault(d.getId(), List.of()),
						today)) {
					changed++;
				}
			}
		} while (page.hasNext());
		return changed;
	}

	private void applyToday(Dealer d) {
		apply(d, statusHistory.findByDealerIdOrderByEffectiveFrom(d.getId()),
				starHistory.findByDealerIdOrderByEffectiveFrom(d.getId()), catalog.today());
	}

	/** Sets the columns to today's values; a dealer not yet accepted shows its first entries. */
	private static boolean apply(Dealer d, List<DealerStatusEntry> statuses, List<DealerStarEntry> stars, LocalDate today) {
		if (statuses.isEmpty() || stars.isEmpty()) {
			return false;
		}
		DealerStatus s = DealerCatalog.statusOn(d, statuses, today);
		Integer star = Timeline.valueOn(d.getAcceptedOn(), stars, today);
		s = s == null ? statuses.get(0).getStatus() : s;
		int st = star == null ? stars.get(0).getStarLevel() : star;
		boolean changed = s != d.getStatus() || st != d.getStarLevel();
		d.currentStatus(s);
		d.currentStarLevel(st);
		return changed;
	}

	private String actor() {
		return currentUsers.find().map(CurrentUser::username).orElse("system");
	}

	/** What the audit trail keeps of a region, a dealer, a status and a star entry (dates as ISO text). */
	record RegionSnapshot(String code, String name) {
	}

	record DealerSnapshot(String code, String name, String type, String regionCode, DealerStatus status,
			int starLevel, String acceptedOn, String contactPhone, String contactEmail) {
	}

	record StatusSnapshot(DealerStatus status, String effectiveFrom, String reason) {
	}

	record StarSnapshot(int starLevel, String effectiveFrom, String reason) {
	}

	static RegionSnapshot snapshot(Region r) {
		return new RegionSnapshot(r.getCode(), r.getName());
	}

	static DealerSnapshot snapshot(Dealer d, Region r) {
		return new DealerSnapshot(d.getCode(), d.getName(), d.getType().code(), r == null ? null : r.getCode(),
				d.getStatus(), d.getStarLevel(), Objects.toString(d.getAcceptedOn(), null), d.getContactPhone(),
				d.getContactEmail());
	}

	private static StatusSnapshot entry(DatedStatus s) {
		return new StatusSnapshot(s.status(), s.effectiveFrom().toString(), s.reason());
	}

	private static StarSnapshot entry(DatedStar s) {
		return new StarSnapshot(s.starLevel(), s.effectiveFrom().toString(), s.reason());
	}

}
