package com.kcm.dealer;

import java.time.LocalDate;

/**
 * A dealer as other modules see it: identity, region, and the status and star level in force today. For a
 * past day ask {@link DealerCatalog#statusOn} and {@link DealerCatalog#starOn}.
 */
public record DealerSummary(long id, String code, String name, DealerType type, long regionId, String regionCode,
		String regionName, DealerStatus status, int starLevel, LocalDate acceptedOn, String contactPhone,
		String contactEmail) {

	/** "D0001 北京中联汽车销售服务有限公司". */
	public String label() {
		return code + " " + name;
	}
}
