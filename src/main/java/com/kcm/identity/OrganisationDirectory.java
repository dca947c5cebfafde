package com.kcm.identity;

import java.util.Optional;

/**
 * What identity needs to know of the dealer network to bind users to a dealer or region. Implemented by
 * the dealer module, so identity does not depend on it.
 */
public interface OrganisationDirectory {

	Optional<Long> dealerIdByCode(String code);

	Optional<Long> regionIdByCode(String code);

	Optional<String> dealerCode(long dealerId);

	Optional<String> regionCode(long regionId);

	/** Display name "D0001 北京中联" or the id when unknown. */
	String dealerLabel(Long dealerId);

	String regionLabel(Long regionId);
}
