package com.kcm.identity;

import java.util.List;

/**
 * What an administrator (or the API of Appendix A) says about a user. {@code password} may be blank on an
 * update (unchanged). {@code roles} are role codes as text so unknown ones can be named in the error.
 * {@code email} and {@code mobile} (for notifications) are optional.
 */
record UserCommand(String username, String password, String displayName, List<String> roles,
		String dealerCode, String regionCode, Boolean enabled, Boolean revealPersonalData, String email,
		String mobile) {

	/** Without contact data. */
	public UserCommand(String username, String password, String displayName, List<String> roles, String dealerCode,
			String regionCode, Boolean enabled, Boolean revealPersonalData) {
		this(username, password, displayName, roles, dealerCode, regionCode, enabled, revealPersonalData, null, null);
	}
}
