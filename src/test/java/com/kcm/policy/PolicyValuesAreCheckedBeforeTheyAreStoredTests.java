package com.kcm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kcm.shared.domain.ValidationException;

/** What a person types for a parameter is checked against its type and bounds, and stored in one form. */
class PolicyValuesAreCheckedBeforeTheyAreStoredTests {

	private static void refused(PolicyName name, String value, String code) {
		assertThatThrownBy(() -> PolicyFormat.normalise(name, value)).isInstanceOfSatisfying(ValidationException.class,
				e -> {
					assertThat(e.violations()).hasSize(1);
					assertThat(e.violations().get(0).field()).isEqualTo("value");
					assertThat(e.violations().get(0).code()).isEqualTo(code);
				});
	}

	@Test
	void valuesAreStoredInTheirCanonicalForm() {
		assertThat(PolicyFormat.normalise(PolicyName.CLOSURE_DAYS_OTHER, " 06 ")).isEqualTo("6");
		assertThat(PolicyFormat.normalise(PolicyName.SUPPORT_AMOUNT_4S, "3500")).isEqualTo("3500.00");
		assertThat(PolicyFormat.normalise(PolicyName.SUPPORT_AMOUNT_4S, "3,500.5")).isEqualTo("3500.50");
		assertThat(PolicyFormat.normalise(PolicyName.CUT_OFF_TIME, "17:00")).isEqualTo("17:00");
		assertThat(PolicyFormat.normalise(PolicyName.COMPANY_NAME, "  某汽车集团 ")).isEqualTo("某汽车集团");
		assertThat(PolicyFormat.normalise(PolicyName.LIMIT_BANDS, " [ {\"from\":0, \"limit\":2, \"step\":250} ] "))
				.isEqualTo("[{\"from\":0,\"limit\":2,\"step\":250}]");
	}

	@Test
	void negativeDaysAreRefused() {
		refused(PolicyName.CLOSURE_DAYS_PRODUCT_QUALITY, "-1", "policy.value.negative");
		refused(PolicyName.CLOSURE_DAYS_PRODUCT_QUALITY, "0", "policy.value.range");
		refused(PolicyName.CLOSURE_DAYS_PRODUCT_QUALITY, "3.5", "policy.value.integer");
		refused(PolicyName.ASSESSMENT_CUTOFF_DAY, "31", "policy.value.range");
	}

	@Test
	void aCutOffMustBeATimeAsHoursAndMinutes() {
		refused(PolicyName.CUT_OFF_TIME, "25:00", "policy.value.time");
		refused(PolicyName.CUT_OFF_TIME, "4:30 pm", "policy.value.time");
		refused(PolicyName.CUT_OFF_TIME, "16:30:00", "policy.value.time");
		refused(PolicyName.CUT_OFF_TIME, "", "policy.value.required");
	}

	@Test
	void anAmountMustBeANonNegativeNumberWithAtMostTwoDecimals() {
		refused(PolicyName.SUPPORT_AMOUNT_3S, "abc", "policy.value.decimal");
		refused(PolicyName.SUPPORT_AMOUNT_3S, "1500.001", "policy.value.decimal");
		refused(PolicyName.SUPPORT_AMOUNT_3S, "-1", "policy.value.negative");
	}

	@Test
	void brokenBandTablesAreRefusedNamingTheBand() {
		refused(PolicyName.LIMIT_BANDS, "[{\"from\":0,\"to\":100,\"limit\":1},{\"from\":90,\"limit\":2,\"step\":500}]",
				"policy.bands.overlap");
		refused(PolicyName.LIMIT_BANDS, "[{\"from\":0,\"to\":100,\"limit\":1},{\"from\":120,\"limit\":2,\"step\":500}]",
				"policy.bands.gap");
		refused(PolicyName.LIMIT_BANDS, "[{\"from\":10,\"limit\":1,\"step\":500}]", "policy.bands.firstFromZero");
		refused(PolicyName.LIMIT_BANDS, "[{\"from\":0,\"to\":100,\"limit\":1}]", "policy.bands.openTop");
		refused(PolicyName.LIMIT_BANDS, "[{\"from\":0,\"limit\":1}]", "policy.bands.step");
		refused(PolicyName.LIMIT_BANDS, "[{\"from\":0,\"limit\":1,\"step\":100},{\"from\":5,\"limit\":2,\"step\":100}]",
				"policy.bands.onlyLastOpen");
		refused(PolicyName.LIMIT_BANDS, "[{\"from\":0,\"to\":0,\"limit\":1},{\"from\":0,\"limit\":2,\"step\":100}]",
				"policy.bands.emptyRange");
		refused(PolicyName.LIMIT_BANDS, "[]", "policy.bands.empty");
		refused(PolicyName.LIMIT_BANDS, "bands", "policy.bands.unreadable");
		refused(PolicyName.LIMIT_BANDS, "[{\"from\":0,\"limit\":1.5,\"step\":100}]", "policy.bands.limit");
	}

	@ParameterizedTest(name = "average {0} → limit {1}")
	@CsvSource({ "0,1", "99.99,1", "100,2", "299.67,2", "300,3", "599,3", "600,4", "999.99,4", "1000,5", "1499.99,5",
			"1500,6", "2600,8" })
	void theSpecBandTableGivesTheLimitForAnAverage(String average, int limit) {
		assertThat(LimitBands.parse(LimitBands.SPEC_DEFAULT).limitFor(new BigDecimal(average))).isEqualTo(limit);
	}

	@Test
	void everyDefaultOfTheCatalogueIsItselfValid() {
		for (PolicyName p : PolicyName.values()) {
			assertThat(PolicyFormat.normalise(p, p.defaultValue())).as(p.name()).isEqualTo(p.defaultValue());
		}
	}
}
