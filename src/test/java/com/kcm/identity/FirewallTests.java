package com.kcm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's header checks without regular expressions accept and reject exactly what Spring Security's
 * strict firewall does, over seeded random header names and values mixing ASCII, tabs, control characters,
 * CJK, unassigned code points and surrogates.
 */
class FirewallTests {

	private static final int[] POOL = { 'a', 'Z', '0', '-', ' ', '|', '\t', '\n', '\r', 0, 0x1f, 0x7f, 0x80, 0x85, 0x9f,
			0xa0, 0xe9, 0x4e2d, 0x6587, 0x0378 /* unassigned */, 0x2028, 0xfeff, 0xd800 /* lone surrogate */,
			0x1f600 /* emoji */, 0xe0001, 0x10ffff /* unassigned */ };

	private final HttpFirewall spring = new StrictHttpFirewall();
	private final HttpFirewall ours = Firewall.strict();

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
	void acceptsAndRejectsTheHeadersSpringSecuritysPatternsDo(long seed) {
		Random random = new Random(seed);
		int accepted = 0;
		int rejected = 0;
		for (int i = 0; i < 500; i++) {
			String name = random.nextInt(4) == 0 ? text(random) : "X-Test";
			String value = text(random);
			String parameter = random.nextInt(4) == 0 ? text(random) : "page";
			boolean springAccepts = accepts(spring, name, value, parameter);

			assertThat(accepts(ours, name, value, parameter))
					.as("header %s: %s, parameter %s", escaped(name), escaped(value), escaped(parameter))
					.isEqualTo(springAccepts);
			if (springAccepts) {
				accepted++;
			} else {
				rejected++;
			}
		}
		assertThat(accepted).isPositive();
		assertThat(rejected).isPositive();
	}

	private static boolean accepts(HttpFirewall firewall, String name, String value, String parameter) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/complaints");
		request.addHeader(name, value);
		request.addParameter(parameter, "1");
		try {
			var checked = firewall.getFirewalledRequest(request);
			checked.getHeader(name);
			checked.getParameterMap();
			return true;
		} catch (RequestRejectedException e) {
			return false;
		}
	}

	private static String text(Random random) {
		StringBuilder s = new StringBuilder();
		for (int i = 0, n = random.nextInt(12); i < n; i++) {
			int c = random.nextInt(3) == 0 ? POOL[random.nextInt(POOL.length)] : 'a' + random.nextInt(26);
			s.appendCodePoint(c);
		}
		return s.toString();
	}

	private static String escaped(String s) {
		StringBuilder out = new StringBuilder();
		s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
		return out.toString();
	}
}
