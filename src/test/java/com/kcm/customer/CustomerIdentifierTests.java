package com.kcm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shapes of phone, ID-card, VIN and plate numbers the system accepts and refuses. */
class CustomerIdentifierTests {

	@ParameterizedTest
	@CsvSource({ "13800138000,13800138000", "+86 138 0013 8000,13800138000", "8613800138000,13800138000",
			"138-0013-8000,13800138000", "19912345678,19912345678" })
	void mainlandMobilesAreAcceptedAndNormalised(String raw, String normalised) {
		assertThat(MobilePhone.parse(raw)).map(MobilePhone::value).hasValue(normalised);
	}

	@ParameterizedTest
	@ValueSource(strings = { "12800138000", "1380013800", "138001380001", "02112345678", "abc", "10012345678",
			"１３８００１３８０００" })
	void otherPhoneNumbersAreRefused(String raw) {
		assertThat(MobilePhone.parse(raw)).isEmpty();
	}

	/** The regex the parser once used (ASCII digits only), as the reference the hand-written check must agree with. */
	static Optional<String> byRegex(String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		String d = raw.replaceAll("\\D", "");
		if (d.length() == 13 && d.startsWith("86")) {
			d = d.substring(2);
		}
		return d.matches("1[3-9]\\d{9}") ? Optional.of(d) : Optional.empty();
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void theParserAgreesWithTheRegexOnRandomInput(long seed) {
		Random random = new Random(seed);
		String alphabet = "0123456789013456789 +-()86１２a";
		for (int n = 0; n < 20_000; n++) {
			StringBuilder raw = new StringBuilder();
			if (random.nextInt(3) == 0) {
				raw.append(random.nextBoolean() ? "+86 " : "86");
			}
			raw.append('1').append((char) ('0' + random.nextInt(10)));
			int length = 7 + random.nextInt(6);
			for (int i = 0; i < length; i++) {
				raw.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
						: (char) ('0' + random.nextInt(10)));
			}
			String input = raw.toString();
			assertThat(MobilePhone.parse(input).map(MobilePhone::value)).as(input).isEqualTo(byRegex(input));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "11010519491231002x", "440524188001010014", "110105491231002" })
	void idNumbersWithTheRightCheckDigitOrLegacy15DigitsAreAccepted(String raw) {
		assertThat(IdCardNumber.parse(raw)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "110105194912310021", "11010519491331002X", "1101051949123100", "11010519491231002Y",
			"ABCDEFGHIJKLMNOPQR" })
	void idNumbersWithAWrongCheckDigitDateOrLengthAreRefused(String raw) {
		assertThat(IdCardNumber.parse(raw)).isEmpty();
	}

	@Test
	void idNumbersAreUpperCased() {
		assertThat(IdCardNumber.parse("11010519491231002x")).map(IdCardNumber::value).hasValue("11010519491231002X");
	}

	@ParameterizedTest
	@CsvSource({ "LSVAM4187C2184847,LSVAM4187C2184847", "lsvam4187c2184847,LSVAM4187C2184847",
			"1HGCM82633A123456,1HGCM82633A123456" })
	void vinsOf17AllowedCharactersAreAcceptedInUpperCase(String raw, String normalised) {
		assertThat(Vin.parse(raw)).map(Vin::value).hasValue(normalised);
		assertThat(Vin.parse(raw).orElseThrow().last6()).isEqualTo(normalised.substring(11));
	}

	@ParameterizedTest
	@ValueSource(strings = { "LSVAM4187C218484", "LSVAM4187C21848477", "LSVAI4187C2184847", "LSVAO4187C2184847",
			"LSVAQ4187C2184847", "LSVA-4187C2184847", "" })
	void vinsWithIOQOrTheWrongLengthAreRefused(String raw) {
		assertThat(Vin.parse(raw)).isEmpty();
	}

	/** The VIN check without a regular expression and the normalising fast paths give what the regex definitions give. */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void vinAndPlateParsingAgreeWithTheirRegexDefinitionsOnRandomInput(long seed) {
		Random random = new Random(seed);
		String vinAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz iqo\t-ß１";
		String plateAlphabet = "0123456789012345678901234567890123456789ABDFIOXZadf·•.- 挂学警港澳";
		for (int n = 0; n < 20_000; n++) {
			StringBuilder vin = new StringBuilder();
			int length = 16 + random.nextInt(3);
			for (int i = 0; i < length; i++) {
				vin.append(random.nextInt(5) == 0 ? vinAlphabet.charAt(random.nextInt(vinAlphabet.length()))
						: "0123456789ABCDEFGHJKLMNPRSTUVWXYZ".charAt(random.nextInt(33)));
			}
			String raw = vin.toString();
			String byRegex = raw.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
			assertThat(Vin.parse(raw).map(Vin::value)).as(raw)
					.isEqualTo(Vin.VIN.matcher(byRegex).matches() ? Optional.of(byRegex) : Optional.empty());

			StringBuilder plate = new StringBuilder().append("京沪粤苏".charAt(random.nextInt(4)))
					.append("ABaXI".charAt(random.nextInt(5)));
			int plateLength = 4 + random.nextInt(4);
			for (int i = 0; i < plateLength; i++) {
				plate.append(plateAlphabet.charAt(random.nextInt(plateAlphabet.length())));
			}
			String rawPlate = plate.toString();
			String plateByRegex = rawPlate.replaceAll("[\\s·•.\\-]", "").toUpperCase(java.util.Locale.ROOT);
			assertThat(PlateNumber.parse(rawPlate).map(PlateNumber::value)).as(rawPlate).isEqualTo(
					PlateNumber.PLATE.matcher(plateByRegex).matches() ? Optional.of(plateByRegex) : Optional.empty());
		}
	}

	@ParameterizedTest
	@CsvSource({ "京A12345,京A12345", "京a12345,京A12345", "京A·12345,京A12345", "粤B 7X8Z2,粤B7X8Z2",
			"沪AD12345,沪AD12345", "沪AF1234A,", "沪AD1A234,", "沪AFK1234,沪AFK1234", "苏E12345D,苏E12345D",
			"鲁B1234学,鲁B1234学", "浙A1234挂,浙A1234挂" })
	void chinesePlatesIncludingNewEnergyAreRecognised(String raw, String normalised) {
		if (normalised == null) {
			assertThat(PlateNumber.parse(raw)).isEmpty();
		} else {
			assertThat(PlateNumber.parse(raw)).map(PlateNumber::value).hasValue(normalised);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "京I12345", "京O12345", "京A1234", "京A1234567", "A12345", "X京12345", "京AI2345",
			"京AO2345", "美A12345", "京112345" })
	void malformedPlatesAreRefused(String raw) {
		assertThat(PlateNumber.parse(raw)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "13800138000,PHONE", "+86 138 0013 8000,PHONE", "LSVAM4187C2184847,VIN", "184847,VIN_LAST6",
			"c21848,VIN_LAST6", "京A12345,PLATE", "沪AD12345,PLATE", "张三,NAME", "11010519491231002X,ID_NUMBER",
			"张,NAME", "12345,NAME" })
	void theLookupRecognisesWhatTheAgentTyped(String q, LookupQuery.Kind kind) {
		assertThat(LookupQuery.of(q)).map(LookupQuery::kind).hasValue(kind);
	}
}
