package com.kcm.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The complaint-limit band table of SPEC §5.2: the limit for a dealer's average monthly service visits.
 * Bands are contiguous and non-overlapping, start at 0, lower bounds inclusive, upper bounds exclusive;
 * the last band is open and grows by one for every {@code step} visits above its lower bound.
 * Written as JSON: {@code [{"from":0,"to":100,"limit":1}, …, {"from":1000,"limit":5,"step":500}]}.
 */
public final class LimitBands {

	/** SPEC §5.2: [0,100) → 1; [100,300) → 2; [300,600) → 3; [600,1000) → 4; ≥ 1000 → 5 + ⌊(avg − 1000) ÷ 500⌋. */
	public static final String SPEC_DEFAULT = "[{\"from\":0,\"to\":100,\"limit\":1},{\"from\":100,\"to\":300,\"limit\":2},"
			+ "{\"from\":300,\"to\":600,\"limit\":3},{\"from\":600,\"to\":1000,\"limit\":4},{\"from\":1000,\"limit\":5,\"step\":500}]";

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String FIELD = "value";

	/** One band: from {@code from} (inclusive) up to {@code to} (exclusive) gives {@code limit}; the open top band has no {@code to} and a {@code step}. */
	public record Band(BigDecimal from, BigDecimal to, int limit, BigDecimal step) {

		/** Whether this is the open top band. */
		public boolean open() {
			return to == null;
		}
	}

	private final List<Band> bands;

	private LimitBands(List<Band> bands) {
		this.bands = List.copyOf(bands);
	}

	/** Reads and checks a table; a broken one is refused with the band it concerns (counted from 1). */
	public static LimitBands parse(String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json == null ? "" : json);
		} catch (JacksonException e) {
			throw refused("policy.bands.unreadable");
		}
		if (root == null || !root.isArray()) {
			throw refused("policy.bands.unreadable");
		}
		if (root.isEmpty()) {
			throw refused("policy.bands.empty");
		}
		List<Band> list = new ArrayList<>();
		for (int i = 0; i < root.size(); i++) {
			JsonNode b = root.get(i);
			int no = i + 1;
			if (!b.isObject() || !number(b.get("from")) || !b.has("limit")) {
				throw refused("policy.bands.bandUnreadable", no);
			}
			JsonNode limitNode = b.get("limit");
			if (!limitNode.isIntegralNumber() || limitNode.asLong() < 0 || limitNode.asLong() > 100_000) {
				throw refused("policy.bands.limit", no);
			}
			BigDecimal from = b.get("from").decimalValue();
			BigDecimal to = present(b.get("to")) ? (number(b.get("to")) ? b.get("to").decimalValue() : null) : null;
			if (present(b.get("to")) && to == null) {
				throw refused("policy.bands.bandUnreadable", no);
			}
			BigDecimal step = present(b.get("step")) ? (number(b.get("step")) ? b.get("step").decimalValue() : null) : null;
			boolean last = i == root.size() - 1;
			if (i == 0 && from.signum() != 0) {
				throw refused("policy.bands.firstFromZero");
			}
			if (i > 0) {
				BigDecimal previousTo = list.get(i - 1).to();
				int c = from.compareTo(previousTo);
				if (c < 0) {
					throw refused("policy.bands.overlap", no, plain(from), no - 1, plain(previousTo));
				}
				if (c > 0) {
					throw refused("policy.bands.gap", no, plain(from), no - 1, plain(previousTo));
				}
			}
			if (last) {
				if (to != null) {
					throw refused("policy.bands.openTop");
				}
				if (step == null || step.signum() <= 0) {
					throw refused("policy.bands.step", no);
				}
			} else {
				if (to == null) {
					throw refused("policy.bands.onlyLastOpen", no);
				}
				if (to.compareTo(from) <= 0) {
					throw refused("policy.bands.emptyRange", no);
				}
			}
			list.add(new Band(from, to, limitNode.asInt(), last ? step : null));
		}
		return new LimitBands(list);
	}

	/** The limit for an average (not rounded) of monthly service visits. */
	public int limitFor(BigDecimal average) {
		if (average == null || average.signum() < 0) {
			throw new IllegalArgumentException("average must be >= 0: " + average);
		}
		for (Band b : bands) {
			if (b.open()) {
				BigDecimal steps = average.subtract(b.from()).divide(b.step(), 0, RoundingMode.FLOOR);
				return b.limit() + steps.intValueExact();
			}
			if (average.compareTo(b.to()) < 0) {
				return b.limit();
			}
		}
		throw new IllegalStateException("a checked table always ends with an open band");
	}

	public List<Band> bands() {
		return bands;
	}

	/** Human-readable form for pages, one interval per band, e.g. 0 to 100 gives 1, and the open band with its step. */
	public String summary() {
		return bands.stream().map(b -> b.open()
				? "≥ " + plain(b.from()) + " → " + b.limit() + " + ⌊(x − " + plain(b.from()) + ") ÷ " + plain(b.step()) + "⌋"
				: "[" + plain(b.from()) + ", " + plain(b.to()) + ") → " + b.limit()).collect(Collectors.joining("; "));
	}

	/** The canonical JSON text stored as the policy value. */
	@Override
	public String toString() {
		return bands.stream().map(b -> "{\"from\":" + plain(b.from()) + (b.open() ? "" : ",\"to\":" + plain(b.to()))
				+ ",\"limit\":" + b.limit() + (b.open() ? ",\"step\":" + plain(b.step()) : "") + "}")
				.collect(Collectors.joining(",", "[", "]"));
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof LimitBands other && toString().equals(other.toString());
	}

	@Override
	public int hashCode() {
		return toString().hashCode();
	}

	private static boolean present(JsonNode n) {
		return n != null && !n.isNull() && !n.isMissingNode();
	}

	private static boolean number(JsonNode n) {
		return present(n) && n.isNumber() && n.decimalValue().signum() >= 0;
	}

	private static String plain(BigDecimal d) {
		return d.stripTrailingZeros().toPlainString();
	}

	private static ValidationException refused(String code, Object... args) {
		return new ValidationException(List.of(Violation.field(FIELD, code, args)));
	}
}
