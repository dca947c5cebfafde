package com.kcm.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of policy parameters: each with its type, unit, the SPEC's default and the bounds a value
 * must keep. The name is the key stored with every value and used by the API ({@code CUT_OFF_TIME}); its
 * label and description are in the message bundle as {@code policy.name.<NAME>} and
 * {@code policy.desc.<NAME>}. A new parameter is a constant here plus a migration row with its default.
 */
public enum PolicyName {

	CLOSURE_DAYS_SERVICE_PROCESS("complaint", PolicyType.INTEGER, PolicyUnit.DAYS, "3", 1, 365),
	CLOSURE_DAYS_TECHNICAL_CAPABILITY("complaint", PolicyType.INTEGER, PolicyUnit.DAYS, "5", 1, 365),
	CLOSURE_DAYS_PARTS_SUPPLY("complaint", PolicyType.INTEGER, PolicyUnit.DAYS, "7", 1, 365),
	CLOSURE_DAYS_PRODUCT_QUALITY("complaint", PolicyType.INTEGER, PolicyUnit.DAYS, "7", 1, 365),
	CLOSURE_DAYS_OTHER("complaint", PolicyType.INTEGER, PolicyUnit.DAYS, "5", 1, 365),
	CUT_OFF_TIME("calendar", PolicyType.TIME, PolicyUnit.TIME_OF_DAY, "16:30", 0, 0),
	CALLBACK_DUE_WORKING_DAYS("complaint", PolicyType.INTEGER, PolicyUnit.WORKING_DAYS, "1", 1, 30),
	UNREACHABLE_ATTEMPTS("complaint", PolicyType.INTEGER, PolicyUnit.COUNT, "3", 1, 20),
	UNREACHABLE_DISTINCT_DAYS("complaint", PolicyType.INTEGER, PolicyUnit.COUNT, "2", 1, 20),
	ESCALATION_MONTHS("complaint", PolicyType.INTEGER, PolicyUnit.MONTHS, "3", 1, 60),
	FIRST_REPLY_HOURS("complaint", PolicyType.INTEGER, PolicyUnit.HOURS, "24", 1, 720),
	ONLINE_CONTACT_HOURS("complaint", PolicyType.INTEGER, PolicyUnit.HOURS, "24", 1, 720),
	REPAIR_REQUEST_WORKING_DAYS("complaint", PolicyType.INTEGER, PolicyUnit.WORKING_DAYS, "3", 1, 60),
	ONLINE_LIST_PERIOD_DAYS("complaint", PolicyType.INTEGER, PolicyUnit.DAYS, "7", 1, 92),
	MAJOR_FIRST_REPORT_HOURS("major", PolicyType.INTEGER, PolicyUnit.HOURS, "2", 1, 72),
	MAJOR_REPORT_DAYS("major", PolicyType.INTEGER, PolicyUnit.DAYS, "2", 1, 60),
	SUPPORT_AMOUNT_4S("assessment", PolicyType.DECIMAL, PolicyUnit.CNY, "3000.00", 0, 10_000_000),
	SUPPORT_AMOUNT_3S("assessment", PolicyType.DECIMAL, PolicyUnit.CNY, "1500.00", 0, 10_000_000),
	LIMIT_BANDS("assessment", PolicyType.BANDS, PolicyUnit.TABLE, LimitBands.SPEC_DEFAULT, 0, 0),
	ASSESSMENT_CUTOFF_DAY("assessment", PolicyType.INTEGER, PolicyUnit.DAY_OF_MONTH, "15", 1, 28),
	ASSESSMENT_CUTOFF_TIME("assessment", PolicyType.TIME, PolicyUnit.TIME_OF_DAY, "16:30", 0, 0),
	APPEAL_WORKING_DAYS("assessment", PolicyType.INTEGER, PolicyUnit.WORKING_DAYS, "3", 1, 60),
	PENALTY_MIN("assessment", PolicyType.DECIMAL, PolicyUnit.CNY, "1000.00", 0, 10_000_000),
	PENALTY_MAX("assessment", PolicyType.DECIMAL, PolicyUnit.CNY, "10000.00", 0, 10_000_000),
	OPERATING_MONTHS_BEFORE_PENALTIES("assessment", PolicyType.INTEGER, PolicyUnit.MONTHS, "3", 0, 120),
	COMPANY_NAME("general", PolicyType.TEXT, PolicyUnit.TEXT, "某汽车公司", 0, 0),
	PERSONAL_DATA_RETENTION_MONTHS("privacy", PolicyType.INTEGER, PolicyUnit.MONTHS, "36", 1, 600),
	EXPORT_APPROVAL_ROWS("privacy", PolicyType.INTEGER, PolicyUnit.ROWS, "1000", 1, 100_000_000),
	ACCESS_REVIEW_DUE_DAYS("privacy", PolicyType.INTEGER, PolicyUnit.DAYS, "15", 1, 365),
	BREACH_INTERNAL_HOURS("privacy", PolicyType.INTEGER, PolicyUnit.HOURS, "1", 1, 720),
	BREACH_REGULATOR_HOURS("privacy", PolicyType.INTEGER, PolicyUnit.HOURS, "4", 1, 720),
	BREACH_PERSONS_HOURS("privacy", PolicyType.INTEGER, PolicyUnit.HOURS, "72", 1, 720),
	BREACH_CLOSURE_DAYS("privacy", PolicyType.INTEGER, PolicyUnit.DAYS, "30", 1, 365),
	CHURN_MONTHS("crm", PolicyType.INTEGER, PolicyUnit.MONTHS, "12", 1, 120),
	VISIT_INTERVAL_MONTHS_A("crm", PolicyType.INTEGER, PolicyUnit.MONTHS, "1", 1, 60),
	VISIT_INTERVAL_MONTHS_B("crm", PolicyType.INTEGER, PolicyUnit.MONTHS, "3", 1, 60),
	VISIT_INTERVAL_MONTHS_C("crm", PolicyType.INTEGER, PolicyUnit.MONTHS, "12", 1, 60),
	// 三包 (SPEC §7.8): periods at least, thresholds at most what SAMR Order 43 sets
	SANBAO_YEARS("quality", PolicyType.INTEGER, PolicyUnit.YEARS, "2", 2, 10),
	SANBAO_KM("quality", PolicyType.INTEGER, PolicyUnit.KM, "50000", 50_000, 1_000_000),
	WARRANTY_YEARS("quality", PolicyType.INTEGER, PolicyUnit.YEARS, "3", 3, 10),
	WARRANTY_KM("quality", PolicyType.INTEGER, PolicyUnit.KM, "60000", 60_000, 1_000_000),
	SANBAO_REPAIR_DAYS("quality", PolicyType.INTEGER, PolicyUnit.DAYS, "30", 1, 30),
	SANBAO_REPAIR_DAYS_APPROACHING("quality", PolicyType.INTEGER, PolicyUnit.DAYS, "25", 1, 30),
	SANBAO_SAME_PROBLEM_REPAIRS("quality", PolicyType.INTEGER, PolicyUnit.COUNT, "4", 1, 4),
	SANBAO_SERIOUS_SAFETY_REPAIRS("quality", PolicyType.INTEGER, PolicyUnit.COUNT, "2", 1, 2),
	SANBAO_REPLACEMENTS("quality", PolicyType.INTEGER, PolicyUnit.COUNT, "2", 1, 2),
	SANBAO_EARLY_DAYS("quality", PolicyType.INTEGER, PolicyUnit.DAYS, "60", 60, 365),
	SANBAO_EARLY_KM("quality", PolicyType.INTEGER, PolicyUnit.KM, "3000", 3_000, 100_000),
	SANBAO_EARLY_REFUND_DAYS("quality", PolicyType.INTEGER, PolicyUnit.DAYS, "7", 7, 60),
	SANBAO_LONG_REPAIR_DAYS("quality", PolicyType.INTEGER, PolicyUnit.DAYS, "5", 1, 5),
	CARE_MAINTENANCE_MONTHS("voice", PolicyType.INTEGER, PolicyUnit.MONTHS, "6", 1, 60),
	CLASS_RULES("crm", PolicyType.RULES, PolicyUnit.TABLE, ClassRules.SPEC_DEFAULT, 0, 0),
	CONTRACT_EXPIRING_DAYS("crm", PolicyType.INTEGER, PolicyUnit.DAYS, "60", 1, 730),
	// satisfaction surveys (SPEC §7.4)
	SURVEY_LINK_DAYS("crm", PolicyType.INTEGER, PolicyUnit.DAYS, "14", 1, 90),
	SURVEY_INTERVAL_DAYS("crm", PolicyType.INTEGER, PolicyUnit.DAYS, "30", 0, 365);

	private final String group;
	private final PolicyType type;
	private final PolicyUnit unit;
	private final String defaultValue;
	private final long min;
	private final long max;

	PolicyName(String group, PolicyType type, PolicyUnit unit, String defaultValue, long min, long max) {
		this.group = group;
		this.type = type;
		this.unit = unit;
		this.defaultValue = defaultValue;
		this.min = min;
		this.max = max;
	}

	/** The closure day limit of a complaint category ({@code PRODUCT_QUALITY} → {@link #CLOSURE_DAYS_PRODUCT_QUALITY}). */
	public static PolicyName closureDays(String category) {
		return valueOf("CLOSURE_DAYS_" + category.trim().toUpperCase(Locale.ROOT));
	}

	/** The support amount of a dealer type ({@code "4S"} or {@code "3S"}). */
	public static PolicyName supportAmount(String dealerType) {
		return valueOf("SUPPORT_AMOUNT_" + dealerType.trim().toUpperCase(Locale.ROOT));
	}

	public static Optional<PolicyName> find(String name) {
		if (name == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(name.trim()));
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** Section of the policy page ({@code complaint}, {@code assessment}, …). */
	public String group() {
		return group;
	}

	public PolicyType type() {
		return type;
	}

	public PolicyUnit unit() {
		return unit;
	}

	/** The SPEC's default, in the stored text form. */
	public String defaultValue() {
		return defaultValue;
	}

	/** Smallest allowed value of an {@code INTEGER} or {@code DECIMAL} parameter. */
	public long min() {
		return min;
	}

	/** Largest allowed value of an {@code INTEGER} or {@code DECIMAL} parameter. */
	public long max() {
		return max;
	}

	public String labelKey() {
		return "policy.name." + name();
	}

	public String descriptionKey() {
		return "policy.desc." + name();
	}
}
