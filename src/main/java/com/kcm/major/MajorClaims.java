package com.kcm.major;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.assessment.MediaIncidents;
import com.kcm.assessment.Penalties;
import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.DealerSummary;
import com.kcm.dealer.StarChange;
import com.kcm.dealer.StatusChange;
import com.kcm.identity.Role;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.Violations;

/**
 * Money and consequences of a major complaint: special claims and outbound-service claims (proposed by the
 * dealer or after-sales, decided by the after-sales manager), penalties and media incidents through the
 * assessment module (so they feed the monthly statement), star downgrade or removal and termination through
 * the dealer's dated history.
 */
@Service
class MajorClaims {

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

	private final MajorAccess access;
	private final ClaimRepository claims;
	private final ConsequenceRepository consequences;
	private final Penalties penalties;
	private final MediaIncidents mediaIncidents;
	private final DealerCatalog dealers;
	private final DealerNetwork network;
	private final Audit audit;
	private final Clock clock;

	MajorClaims(MajorAccess access, ClaimRepository claims, ConsequenceRepository consequences, Penalties penalties,
			MediaIncidents mediaIncidents, DealerCatalog dealers, DealerNetwork network, Audit audit, Clock clock) {
		this.access = access;
		this.claims = claims;
		this.consequences = consequences;
		this.penalties = penalties;
		this.mediaIncidents = mediaIncidents;
		this.dealers = dealers;
		this.network = network;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Claim proposeSpecial(long majorId, BigDecimal amount, List<String> materials, String note) {
		MajorComplaint m = access.load(majorId);
		access.require(EnumSet.of(Role.DEALER, Role.AFTER_SALES));
		m.requireFlagged();
		Violations v = new Violations();
		BigDecimal a = amount(amount, "amount", true, v);
		EnumSet<Claim.Material> set = EnumSet.noneOf(Claim.Material.class);
		if (materials == null || materials.isEmpty()) {
			v.field("materials", "major.claim.materialsRequired");
		} else {
			for (String code : materials) {
				try {
					set.add(Claim.Material.valueOf(code.trim()));
				} catch (RuntimeException e) {
					v.field("materials", "major.claim.materialUnknown", code);
				}
			}
		}
		note(note, v);
		v.throwIfAny();
		Claim c = claims.save(Claim.special(majorId, a, set.stream().map(Enum::name).collect(Collectors.joining(",")),
				note, access.actor(), clock.instant()));
		audit.changed(Audit.CREATE, "major_claim", c.getId(), null, snapshot(c));
		return c;
	}

	@Transactional
	Claim proposeOutbound(long majorId, String trip, LocalDate from, LocalDate to, BigDecimal travel,
			BigDecimal lodging, String note) {
		MajorComplaint m = access.load(majorId);
		access.require(EnumSet.of(Role.DEALER, Role.AFTER_SALES));
		m.requireFlagged();
		Violations v = new Violations();
		if (trip == null || trip.isBlank()) {
			v.field("trip", "error.required");
		} else if (trip.length() > 500) {
			v.field("trip", "major.text.tooLong", 500);
		}
		if (from == null) {
			v.field("from", "error.required");
		}
		if (to == null) {
			v.field("to", "error.required");
		}
		if (from != null && to != null && to.isBefore(from)) {
			v.field("to", "major.claim.datesOrder");
		}
		BigDecimal t = amount(travel, "travelAmount", false, v);
		BigDecimal l = amount(lodging, "lodgingAmount", false, v);
		if (t != null && l != null && t.add(l).signum() == 0) {
			v.field("travelAmount", "major.claim.amountPositive");
		}
		note(note, v);
		v.throwIfAny();
		Claim c = claims.save(Claim.outbound(majorId, trip.trim(), from, to, t, l, note, access.actor(),
				clock.instant()));
		audit.changed(Audit.CREATE, "major_claim", c.getId(), null, snapshot(c));
		return c;
	}

	/** The after-sales manager approves or rejects a claim. */
	@Transactional
	Claim decide(long claimId, boolean approve, String note) {
		Claim c = claims.findById(claimId).orElseThrow(() -> new NotFoundException("claim", claimId));
		access.load(c.getMajorId());
		access.require(EnumSet.of(Role.AFTER_SALES_MANAGER));
		Snapshot before = snapshot(c);
		c.decide(approve, note, access.actor(), clock.instant());
		claims.saveAndFlush(c);
		audit.changed(Audit.UPDATE, "major_claim", c.getId(), before, snapshot(c));
		return c;
	}

	/**
	 * A penalty proposal (1,000–10,000 CNY, dealers operating at least 3 months, both policies) for the month of
	 * the incident (the flag); the manager approves it as any penalty, and it counts in that month's statement.
	 */
	@Transactional
	Consequence proposePenalty(long majorId, BigDecimal amount, String reason) {
		MajorComplaint m = access.load(majorId);
		access.require(EnumSet.of(Role.AFTER_SALES));
		m.requireFlagged();
		DealerSummary dealer = dealer(m);
		YearMonth month = YearMonth.from(m.getFlaggedAt().atZone(TimeConfig.BUSINESS_ZONE));
		long penaltyId = penalties.propose(dealer.code(), month.toString(), amount, reason);
		return record(m, Consequence.Kind.PENALTY, penaltyId, amount.setScale(2, RoundingMode.UNNECESSARY),
				month + " " + reason.trim());
	}

	/** A negative-media or market-damage incident against the dealer (a support condition of §5.3). */
	@Transactional
	Consequence recordMediaIncident(long majorId, OffsetDateTime at, String description) {
		MajorComplaint m = access.load(majorId);
		access.require(EnumSet.of(Role.AFTER_SALES));
		m.requireFlagged();
		long id = mediaIncidents.record(dealer(m).code(), at, description, null);
		return record(m, Consequence.Kind.MEDIA_INCIDENT, id, null, description.trim());
	}

	/**
	 * The manager lowers the star level, removes it (level 0) or terminates the dealer, from a date, in the
	 * dealer's dated history.
	 */
	@Transactional
	Consequence changeDealerStanding(long majorId, String kind, Integer starLevel, String effectiveFrom,
			String reason) {
		MajorComplaint m = access.load(majorId);
		access.require(EnumSet.of(Role.AFTER_SALES_MANAGER));
		m.requireFlagged();
		DealerSummary dealer = dealer(m);
		Consequence.Kind k;
		try {
			k = Consequence.Kind.valueOf(kind == null ? "" : kind.trim());
		} catch (IllegalArgumentException e) {
			k = null;
		}
		Violations v = new Violations();
		if (k == null || k == Consequence.Kind.PENALTY || k == Consequence.Kind.MEDIA_INCIDENT) {
			v.field("kind", "major.standing.kind", kind);
		}
		if (reason == null || reason.isBlank()) {
			v.field("reason", "error.required");
		}
		if (k == Consequence.Kind.STAR_DOWNGRADE
				&& (starLevel == null || starLevel < 1 || starLevel >= dealer.starLevel())) {
			v.field("starLevel", "major.standing.lower", dealer.starLevel());
		}
		v.throwIfAny();
		String r = reason.trim();
		String detail;
		switch (k) {
			case STAR_DOWNGRADE -> {
				network.changeStar(dealer.code(), new StarChange(starLevel, effectiveFrom, r));
				detail = dealer.starLevel() + "→" + starLevel + " " + effectiveFrom + " " + r;
			}
			case STAR_REMOVAL -> {
				network.changeStar(dealer.code(), new StarChange(0, effectiveFrom, r));
				detail = dealer.starLevel() + "→0 " + effectiveFrom + " " + r;
			}
			default -> {
				network.changeStatus(dealer.code(), new StatusChange("TERMINATED", effectiveFrom, r));
				detail = "TERMINATED " + effectiveFrom + " " + r;
			}
		}
		return record(m, k, null, null, detail);
	}

	private Consequence record(MajorComplaint m, Consequence.Kind kind, Long ref, BigDecimal amount, String detail) {
		Consequence c = consequences.save(new Consequence(m.getId(), kind, ref, amount,
				detail.length() > 2000 ? detail.substring(0, 2000) : detail, access.actor(), clock.instant()));
		audit.changed(Audit.CREATE, "major_consequence", c.getId(), null,
				Map.of("major", m.getId(), "kind", kind.name(), "detail", c.getDetail()));
		return c;
	}

	private DealerSummary dealer(MajorComplaint m) {
		return dealers.byId(m.getDealerId()).orElseThrow(() -> new DomainException("major.dealer.gone"));
	}

	private static BigDecimal amount(BigDecimal amount, String field, boolean positive, Violations v) {
		if (amount == null) {
			v.field(field, "error.required");
			return null;
		}
		if (amount.scale() > 2 || amount.signum() < 0 || (positive && amount.signum() == 0)
				|| amount.compareTo(MAX_AMOUNT) > 0) {
			v.field(field, positive ? "major.claim.amountPositive" : "major.claim.amount");
			return null;
		}
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static void note(String note, Violations v) {
		if (note != null && note.length() > 2000) {
			v.field("note", "major.text.tooLong", 2000);
		}
	}

	/** What the audit trail keeps of a claim. */
	record Snapshot(long major, Claim.Kind kind, BigDecimal amount, String materials, String trip, LocalDate from,
			LocalDate to, Claim.Status status, String decidedBy) {
	}

	static Snapshot snapshot(Claim c) {
		return new Snapshot(c.getMajorId(), c.getKind(), c.getAmount(), c.getMaterials(), c.getTrip(),
				c.getTravelFrom(), c.getTravelTo(), c.getStatus(), c.getDecidedBy());
	}

	Instant now() {
		return clock.instant();
	}
}
