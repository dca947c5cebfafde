package com.kcm.dealer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.shared.domain.Violations;
import com.kcm.shared.io.ImportColumns;
import com.kcm.shared.io.TabularFile;

/**
 * Imports regions and dealers from xlsx or CSV (SPEC §10). Every row is checked first — values, codes
 * repeated inside the file or already in the database, regions that must exist — and any bad row refuses
 * the whole file with the row number and reason; otherwise all rows are written in one transaction, each
 * audited like a single creation, plus one import entry.
 */
@Service
class DealerImports {

	/** Column names accepted for each field (header match ignores case), Chinese first. */
	static final ImportColumns REGION = ImportColumns.of("code", List.of("代码", "大区代码", "code"),
			"name", List.of("名称", "大区名称", "name"));

	static final ImportColumns DEALER = ImportColumns.of(
			"code", List.of("代码", "服务商代码", "code", "dealerCode"),
			"name", List.of("名称", "服务商名称", "name"),
			"type", List.of("类型", "type"),
			"regionCode", List.of("大区", "大区代码", "regionCode", "region"),
			"status", List.of("状态", "status"),
			"acceptedOn", List.of("验收通过日期", "acceptedOn"),
			"starLevel", List.of("星级", "starLevel"),
			"contactPhone", List.of("电话", "联系电话", "contactPhone"),
			"contactEmail", List.of("邮箱", "电子邮箱", "contactEmail"));

	public static final Map<String, List<String>> REGION_COLUMNS = REGION.aliases();

	public static final Map<String, List<String>> DEALER_COLUMNS = DEALER.aliases();

	private static final String[] REQUIRED_REGION = { "code", "name" };
	private static final String[] REQUIRED_DEALER = { "code", "name", "type", "regionCode", "status", "acceptedOn" };

	private final DealerNetwork network;
	private final DealerRepository dealers;
	private final RegionRepository regions;
	private final Audit audit;

	DealerImports(DealerNetwork network, DealerRepository dealers, RegionRepository regions, Audit audit) {
		this.network = network;
		this.dealers = dealers;
		this.regions = regions;
		this.audit = audit;
	}

	/** @return the number of regions imported */
	@Transactional
	public int importRegions(String filename, InputStream in) {
		List<TabularFile.Row> rows = REGION.read(filename, in, REQUIRED_REGION);
		Set<String> taken = regions.findByCodeIn(codes(rows, REGION)).stream().map(Region::getCode)
				.collect(Collectors.toSet());
		Violations all = new Violations();
		Map<String, Integer> seen = new HashMap<>();
		List<DealerNetwork.NewRegion> ok = new ArrayList<>();
		for (TabularFile.Row row : rows) {
			Violations v = new Violations();
			DealerNetwork.NewRegion r = network.checkNewRegion(
					new RegionCommand(REGION.get(row, "code"), REGION.get(row, "name")), v,
					taken::contains);
			duplicate(r.code(), row.number(), seen, v);
			ImportColumns.atRow(row, v, all);
			ok.add(r);
		}
		all.throwIfAny();
		ok.forEach(network::insert);
		audit.event(Audit.IMPORT, "region", null, ok.size() + " regions from " + filename);
		return ok.size();
	}

	/** @return the number of dealers imported */
	@Transactional
	public int importDealers(String filename, InputStream in) {
		List<TabularFile.Row> rows = DEALER.read(filename, in, REQUIRED_DEALER);
		Set<String> taken = dealers.findByCodeIn(codes(rows, DEALER)).stream().map(Dealer::getCode)
				.collect(Collectors.toSet());
		Map<String, Region> regionsByCode = regions.findAll().stream()
				.collect(Collectors.toMap(Region::getCode, Function.identity()));
		Violations all = new Violations();
		Map<String, Integer> seen = new HashMap<>();
		List<DealerNetwork.NewDealer> ok = new ArrayList<>();
		for (TabularFile.Row row : rows) {
			Violations v = new Violations();
			Integer star = null;
			String starText = DEALER.get(row, "starLevel");
			if (starText != null) {
				try {
					star = Integer.valueOf(starText.endsWith(".0") ? starText.substring(0, starText.length() - 2) : starText);
				} catch (NumberFormatException e) {
					v.field("starLevel", "dealer.star.invalid", starText);
				}
			}
			DealerCommand cmd = new DealerCommand(DEALER.get(row, "code"), DEALER.get(row, "name"),
					DEALER.get(row, "type"), DEALER.get(row, "regionCode"),
					DEALER.get(row, "status"), DEALER.get(row, "acceptedOn"), star,
					DEALER.get(row, "contactPhone"), DEALER.get(row, "contactEmail"));
			DealerNetwork.NewDealer d = network.checkNewDealer(cmd, v, taken::contains,
					code -> Optional.ofNullable(regionsByCode.get(code)));
			duplicate(d.code(), row.number(), seen, v);
			ImportColumns.atRow(row, v, all);
			ok.add(d);
		}
		all.throwIfAny();
		ok.forEach(network::insert);
		audit.event(Audit.IMPORT, "dealer", null, ok.size() + " dealers from " + filename);
		return ok.size();
	}

	private static List<String> codes(List<TabularFile.Row> rows, ImportColumns columns) {
		Set<String> codes = new HashSet<>();
		for (TabularFile.Row r : rows) {
			String c = columns.get(r, "code");
			if (c != null) {
				codes.add(DealerCatalog.normaliseCode(c));
			}
		}
		return List.copyOf(codes);
	}

	private static void duplicate(String code, int row, Map<String, Integer> seen, Violations v) {
		if (code == null) {
			return;
		}
		Integer first = seen.putIfAbsent(code, row);
		if (first != null) {
			v.field("code", "import.code.repeated", code, first);
		}
	}
}
