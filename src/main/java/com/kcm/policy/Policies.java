package com.kcm.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.cache.Caches;

/**
 * The policy values in force (SPEC §9). The value of a parameter at an instant is the one with the latest
 * effective-from date on or before the instant's local date (Asia/Shanghai); for two values on one date the
 * later recorded one wins; before the first value the catalogue default applies.
 * <p>
 * The whole table is tiny and read for every deadline, so it is cached ({@link Caches#POLICIES}): evicted
 * when a change commits here ({@link PolicyChanged}), and kept at most a minute so a change made by another
 * instance is seen.
 */
@Service
public class Policies {

	private final PolicyRepository repository;
	private final Cache cache;
	/**
	 * Rule texts already parsed (immutable {@link ClassRules}, keyed by their text): intake classifies every new
	 * customer, and parsing the JSON for each was a tenth of a first-time caller's registration (issue 17).
	 */
	private final Map<String, ClassRules> parsedRules = new ConcurrentHashMap<>();

	Policies(PolicyRepository repository, CacheManager caches) {
		this.repository = repository;
		this.cache = caches.getCache(Caches.POLICIES);
	}

	private record Snapshot(Map<String, List<PolicyEntry>> byName) {
	}

	/** The stored text of the value of {@code name} in force at {@code at}. */
	public String valueAt(String name, Instant at) {
		return valueOn(name, localDate(at));
	}

	/** The stored text of the value of {@code name} in force on a local date. */
	public String valueOn(String name, LocalDate date) {
		PolicyName p = PolicyName.find(name).orElseThrow(() -> new IllegalArgumentException("unknown policy " + name));
		return entryOn(p, date).map(PolicyEntry::value).orElse(p.defaultValue());
	}

	public int intAt(PolicyName name, Instant at) {
		return intOn(name, localDate(at));
	}

	public int intOn(PolicyName name, LocalDate date) {
		return PolicyFormat.asInt(typed(name, date, PolicyType.INTEGER));
	}

	/** An amount in CNY with scale 2. */
	public BigDecimal decimalAt(PolicyName name, Instant at) {
		return decimalOn(name, localDate(at));
	}

	public BigDecimal decimalOn(PolicyName name, LocalDate date) {
		return PolicyFormat.asDecimal(typed(name, date, PolicyType.DECIMAL));
	}

	public LocalTime timeAt(PolicyName name, Instant at) {
		return timeOn(name, localDate(at));
	}

	public LocalTime timeOn(PolicyName name, LocalDate date) {
		return PolicyFormat.asTime(typed(name, date, PolicyType.TIME));
	}

	/** A parameter counted in hours or (calendar) days, as a duration. */
	public Duration durationAt(PolicyName name, Instant at) {
		int n = intAt(name, at);
		return switch (name.unit()) {
			case HOURS -> Duration.ofHours(n);
			case DAYS -> Duration.ofDays(n);
			default -> throw new IllegalArgumentException(name + " is counted in " + name.unit() + ", not a duration");
		};
	}

	public LimitBands bandsAt(PolicyName name, Instant at) {
		return bandsOn(name, localDate(at));
	}

	public LimitBands bandsOn(PolicyName name, LocalDate date) {
		return LimitBands.parse(typed(name, date, PolicyType.BANDS));
	}

	public ClassRules classRulesOn(PolicyName name, LocalDate date) {
		String text = typed(name, date, PolicyType.RULES);
		ClassRules known = parsedRules.get(text);
		if (known == null) {
			known = ClassRules.parse(text);
			if (parsedRules.size() < 64) { // a handful of rule texts in force over the years
				parsedRules.put(text, known);
			}
		}
		return known;
	}

	public String textAt(PolicyName name, Instant at) {
		return textOn(name, localDate(at));
	}

	public String textOn(PolicyName name, LocalDate date) {
		return typed(name, date, PolicyType.TEXT);
	}

	/** The recorded value in force on a date; empty when only the catalogue default applies. */
	public Optional<PolicyEntry> entryOn(PolicyName name, LocalDate date) {
		List<PolicyEntry> entries = current().byName().getOrDefault(name.name(), List.of());
		PolicyEntry found = null;
		for (PolicyEntry e : entries) {
			if (e.effectiveFrom().isAfter(date)) {
				break;
			}
			found = e;
		}
		return Optional.ofNullable(found);
	}

	/** Every recorded value of a parameter, the latest effective date first. */
	public List<PolicyEntry> history(PolicyName name) {
		List<PolicyEntry> list = new ArrayList<>(current().byName().getOrDefault(name.name(), List.of()));
		list.sort(Comparator.comparing(PolicyEntry::effectiveFrom).thenComparing(PolicyEntry::id).reversed());
		return list;
	}

	/** Forgets the values held in memory; the next question reads them again. */
	public void refresh() {
		cache.invalidate();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PolicyChanged event) {
		refresh();
	}

	private String typed(PolicyName name, LocalDate date, PolicyType expected) {
		if (name.type() != expected) {
			throw new IllegalArgumentException(name + " is " + name.type() + ", not " + expected);
		}
		return entryOn(name, date).map(PolicyEntry::value).orElse(name.defaultValue());
	}

	private Snapshot current() {
		return Caches.get(cache, Caches.ALL, this::load);
	}

	private Snapshot load() {
		Map<String, List<PolicyEntry>> byName = new LinkedHashMap<>();
		for (PolicyRecord r : repository.findAll(Sort.by("name", "effectiveFrom", "id"))) {
			PolicyEntry e = r.entry();
			byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
		}
		byName.replaceAll((k, v) -> List.copyOf(v));
		return new Snapshot(Map.copyOf(byName));
	}

	private static LocalDate localDate(Instant at) {
		return at.atZone(TimeConfig.BUSINESS_ZONE).toLocalDate();
	}
}
