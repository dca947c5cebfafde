package com.kcm.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer class rule of SPEC §7.2 as an ordered rule list: the first rule whose conditions all hold
 * gives the class; the last rule has no condition (everyone else). Conditions: {@code keyAccount} (true or
 * false) and {@code minVehicles} / {@code maxVehicles} (vehicles owned, inclusive). Written as JSON:
 * {@code [{"class":"A","keyAccount":true},{"class":"A","minVehicles":3},{"class":"B","minVehicles":2},{"class":"C"}]}.
 */
public final class ClassRules {

	/** SPEC §7.2: A for a key account or 3 or more vehicles, B for 2, C otherwise. */
	public static final String SPEC_DEFAULT = "[{\"class\":\"A\",\"keyAccount\":true},{\"class\":\"A\",\"minVehicles\":3},"
			+ "{\"class\":\"B\",\"minVehicles\":2},{\"class\":\"C\"}]";

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Set<String> CLASSES = Set.of("A", "B", "C");
	private static final Set<String> KEYS = Set.of("class", "keyAccount", "minVehicles", "maxVehicles");

	/** One rule: the class it gives when every condition present holds (null: no condition). */
	public record Rule(String customerClass, Boolean keyAccount, Integer minVehicles, Integer maxVehicles) {

		boolean matches(boolean isKeyAccount, long vehicles) {
			return (keyAccount == null || keyAccount == isKeyAccount) && (minVehicles == null || vehicles >= minVehicles)
					&& (maxVehicles == null || vehicles <= maxVehicles);
		}

		boolean unconditional() {
			return keyAccount == null && minVehicles == null && maxVehicles == null;
		}

		String json() {
			StringBuilder b = new StringBuilder("{\"class\":\"").append(customerClass).append('"');
			if (keyAccount != null) {
				b.append(",\"keyAccount\":").append(keyAccount);
			}
			if (minVehicles != null) {
				b.append(",\"minVehicles\":").append(minVehicles);
			}
			if (maxVehicles != null) {
				b.append(",\"maxVehicles\":").append(maxVehicles);
			}
			return b.append('}').toString();
		}
	}

	private final List<Rule> rules;

	private ClassRules(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** Reads and checks a rule list; a broken one is refused naming the rule (counted from 1). */
	public static ClassRules parse(String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json == null ? "" : json);
		} catch (JacksonException e) {
			throw refused("policy.rules.unreadable");
		}
		if (root == null || !root.isArray()) {
			throw refused("policy.rules.unreadable");
		}
		if (root.isEmpty()) {
			throw refused("policy.rules.empty");
		}
		List<Rule> list = new ArrayList<>();
		for (int i = 0; i < root.size(); i++) {
			JsonNode r = root.get(i);
			int no = i + 1;
			if (!r.isObject() || !r.has("class") || !r.get("class").isString()
					|| !CLASSES.contains(r.get("class").asString())) {
				throw refused("policy.rules.class", no);
			}
			for (String key : r.propertyNames()) {
				if (!KEYS.contains(key)) {
					throw refused("policy.rules.unknownKey", no, key);
				}
			}
			JsonNode ka = r.get("keyAccount");
			if (ka != null && !ka.isBoolean()) {
				throw refused("policy.rules.keyAccount", no);
			}
			Integer min = count(r.get("minVehicles"), no);
			Integer max = count(r.get("maxVehicles"), no);
			if (min != null && max != null && min > max) {
				throw refused("policy.rules.range", no);
			}
			list.add(new Rule(r.get("class").asString(), ka == null ? null : ka.asBoolean(), min, max));
		}
		if (!list.get(list.size() - 1).unconditional()) {
			throw refused("policy.rules.lastOpen");
		}
		return new ClassRules(list);
	}

	private static Integer count(JsonNode n, int no) {
		if (n == null) {
			return null;
		}
		if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 100_000) {
			throw refused("policy.rules.vehicles", no);
		}
		return n.asInt();
	}

	/** The class ({@code A}, {@code B} or {@code C}) for a customer with these facts. */
	public String classOf(boolean keyAccount, long vehicles) {
		for (Rule r : rules) {
			if (r.matches(keyAccount, vehicles)) {
				return r.customerClass();
			}
		}
		return rules.get(rules.size() - 1).customerClass();
	}

	public List<Rule> rules() {
		return rules;
	}

	/** Short text for the policy page. */
	public String summary() {
		return rules.stream().map(r -> {
			List<String> when = new ArrayList<>();
			if (r.keyAccount() != null) {
				when.add(r.keyAccount() ? "大客户" : "非大客户");
			}
			if (r.minVehicles() != null) {
				when.add("车辆≥" + r.minVehicles());
			}
			if (r.maxVehicles() != null) {
				when.add("车辆≤" + r.maxVehicles());
			}
			return r.customerClass() + (when.isEmpty() ? "：其他" : "：" + String.join("且", when));
		}).collect(Collectors.joining("；"));
	}

	/** The canonical JSON. */
	@Override
	public String toString() {
		return rules.stream().map(Rule::json).collect(Collectors.joining(",", "[", "]"));
	}

	private static ValidationException refused(String code, Object... args) {
		return new ValidationException(List.of(Violation.field("value", code, args)));
	}
}
