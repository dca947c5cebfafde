package com.kcm.identity;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, with its own rules for header names, header values and parameter names
 * checked by a loop over the characters instead of its regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for values a tab allowed as well): every header an
 * application reads is checked, and the matching was 2–3 % of an intake's CPU time (issue 17).
 */
final class Firewall {

	private Firewall() {
	}

	static HttpFirewall strict() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(s -> assignedWithoutControls(s, false));
		firewall.setAllowedHeaderValues(s -> assignedWithoutControls(s, true));
		firewall.setAllowedParameterNames(s -> assignedWithoutControls(s, false));
		return firewall;
	}

	/**
	 * Whether every character is an assigned Unicode code point and none a control character (Unicode category
	 * Cc), except a tab when {@code tabAllowed}: what the firewall's patterns accept.
	 */
	static boolean assignedWithoutControls(String s, boolean tabAllowed) {
		for (int i = 0; i < s.length();) {
			int c = s.codePointAt(i);
			if (c >= 0x20 && c < 0x7f) { // printable ASCII: the common case
				i++;
				continue;
			}
			if (!Character.isDefined(c) || (Character.getType(c) == Character.CONTROL && !(tabAllowed && c == '\t'))) {
				return false;
			}
			i += Character.charCount(c);
		}
		return true;
	}
}
