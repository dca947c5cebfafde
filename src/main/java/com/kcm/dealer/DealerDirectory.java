package com.kcm.dealer;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.identity.OrganisationDirectory;

/** Answers identity's questions about dealers and regions (codes ↔ ids, labels). */
@Component
@Transactional(readOnly = true)
class DealerDirectory implements OrganisationDirectory {

	private final DealerRepository dealers;
	private final RegionRepository regions;

	DealerDirectory(DealerRepository dealers, RegionRepository regions) {
		this.dealers = dealers;
		this.regions = regions;
	}

	@Override
	public Optional<Long> dealerIdByCode(String code) {
		return code == null ? Optional.empty() : dealers.findByCode(DealerCatalog.normaliseCode(code)).map(Dealer::getId);
	}

	@Override
	public Optional<Long> regionIdByCode(String code) {
		return code == null ? Optional.empty() : regions.findByCode(DealerCatalog.normaliseCode(code)).map(Region::getId);
	}

	@Override
	public Optional<String> dealerCode(long dealerId) {
		return dealers.findById(dealerId).map(Dealer::getCode);
	}

	@Override
	public Optional<String> regionCode(long regionId) {
		return regions.findById(regionId).map(Region::getCode);
	}

	@Override
	public String dealerLabel(Long dealerId) {
		return dealerId == null ? "—"
				: dealers.findById(dealerId).map(d -> d.getCode() + " " + d.getName()).orElse(String.valueOf(dealerId));
	}

	@Override
	public String regionLabel(Long regionId) {
		return regionId == null ? "—"
				: regions.findById(regionId).map(r -> r.getCode() + " " + r.getName()).orElse(String.valueOf(regionId));
	}
}
