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
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.domain.Violations;
import com.kcm.shared.io.TabularFile;

/**
 * Imports regions and dealers from xlsx or CSV (SPEC §10). Every row is checked first — values, codes
 * repeated inside the file or already in the database, regions that must exist — and any bad row refuses
 * the whole file with the row number and reason; otherwise all rows are written in one transaction, each
 * audited like a single creation, plus one import entry.
 */
@Service
public class DealerImports {

	/** Column names accepted for each field (header match ignores case), Chinese first. */
	public static final Map<String, List<String>> REGION_COLUMNS = columns("code", List.of("代码", "大区代码", "code"),
			"name", List.of("名称", "大区名称", "name"));

	public static final Map<String, List<String>> DEALER_COLUMNS = columns(
			"code", List.of("代码", "服务商代码", "code", "dealerCode"),
			"name", List.of("名称", "服务商名称", "name"),
			"type", List.of("类型", "type"),
			"regionCode", List.of("大区", "大区代码", "regionCode", "region"),
			"status", List.of("状态", "status"),
			"acceptedOn", List.of("验收通过日期", "acceptedOn"),
			"starLevel", List.of("星级", "starLevel"),
			"contactPhone", List.of("电话", "联系电话", "contactPhone"),
			"contactEmail", List.of("邮箱", "电子邮箱", "contactEmail"));

	private static final List<String> REQUIRED_REGION = List.of("code", "name");
	private static final List<String> REQUIRED_DEALER = List.of("code", "name", "type", "regionCode", "status",
			"acceptedOn");

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
		List<TabularFile.Row> rows = rows(filename, in, REGION_COLUMNS, REQUIRED_REGION);
		Set<String> taken = regions.findByCodeIn(codes(rows, REGION_COLUMNS)).stream().map(Region::getCode)
				.collect(Collectors.toSet());
		Violations all = new Violations();
		Map<String, Integer> seen = new HashMap<>();
		List<DealerNetwork.NewRegion> ok = new ArrayList<>();
		for (TabularFile.Row row : rows) {
			Violations v = new Violations();
			DealerNetwork.NewRegion r = network.checkNewRegion(
					new RegionCommand(get(row, REGION_COLUMNS, "code"), get(row, REGION_COLUMNS, "name")), v,
					taken::contains);
			duplicate(r.code(), row.number(), seen, v);
			atRow(row.number(), v, all);
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
		List<TabularFile.Row> rows = rows(filename, in, DEALER_COLUMNS, REQUIRED_DEALER);
		Set<String> taken = dealers.findByCodeIn(codes(rows, DEALER_COLUMNS)).stream().map(Dealer::getCode)
				.collect(Collectors.toSet());
		Map<String, Region> regionsByCode = regions.findAll().stream()
				.collect(Collectors.toMap(Region::getCode, Function.identity()));
		Violations all = new Violations();
		Map<String, Integer> seen = new HashMap<>();
		List<DealerNetwork.NewDealer> ok = new ArrayList<>();
		for (TabularFile.Row row : rows) {
			Violations v = new Violations();
			Integer star = null;
			String starText = get(row, DEALER_COLUMNS, "starLevel");
			if (starText != null) {
				try {
					star = Integer.valueOf(starText.endsWith(".0") ? starText.substring(0, starText.length() - 2) : starText);
				} catch (NumberFormatException e) {
					v.field("starLevel", "dealer.star.invalid", starText);
				}
			}
			DealerCommand cmd = new DealerCommand(get(row, DEALER_COLUMNS, "code"), get(row, DEALER_COLUMNS, "name"),
					get(row, DEALER_COLUMNS, "type"), get(row, DEALER_COLUMNS, "regionCode"),
					get(row, DEALER_COLUMNS, "status"), get(row, DEALER_COLUMNS, "acceptedOn"), star,
					get(row, DEALER_COLUMNS, "contactPhone"), get(row, DEALER_COLUMNS, "contactEmail"));
			DealerNetwork.NewDealer d = network.checkNewDealer(cmd, v, taken::contains,
					code -> Optional.ofNullable(regionsByCode.get(code)));
			duplicate(d.code(), row.number(), seen, v);
			atRow(row.number(), v, all);
			ok.add(d);
		}
		all.throwIfAny();
		ok.forEach(network::insert);
		audit.event(Audit.IMPORT, "dealer", null, ok.size() + " dealers from " + filename);
		return ok.size();
	}

	private static List<TabularFile.Row> rows(String filename, InputStream in, Map<String, List<String>> columns,
			List<String> required) {
		List<TabularFile.Row> rows = TabularFile.read(filename, in);
		if (rows.isEmpty()) {
			throw ValidationException.of("file", "import.file.empty");
		}
		Set<String> headers = rows.get(0).values().keySet();
		Violations v = new Violations();
		for (String field : required) {
			if (columns.get(field).stream().noneMatch(alias -> headers.contains(alias.toLowerCase(java.util.Locale.ROOT)))) {
				v.field("file", "import.column.missing", String.join(" / ", columns.get(field)));
			}
		}
		v.throwIfAny();
		return rows;
	}

	private static List<String> codes(List<TabularFile.Row> rows, Map<String, List<String>> columns) {
		Set<String> codes = new HashSet<>();
		for (TabularFile.Row r : rows) {
			String c = get(r, columns, "code");
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

	private static void atRow(int row, Violations v, Violations all) {
		for (Violation x : v.list()) {
			all.add(x.atIndex(row));
		}
	}

	private static String get(TabularFile.Row row, Map<String, List<String>> columns, String field) {
		return row.get(columns.get(field).toArray(String[]::new));
	}

	private static Map<String, List<String>> columns(Object... pairs) {
		Map<String, List<String>> m = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			@SuppressWarnings("unchecked")
			List<String> aliases = (List<String>) pairs[i + 1];
			m.put((String) pairs[i], aliases);
		}
		return java.util.Collections.unmodifiableMap(m);
	}
}
