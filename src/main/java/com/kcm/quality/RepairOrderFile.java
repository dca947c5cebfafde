package com.kcm.quality;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.io.TabularFile;
import com.kcm.shared.io.XlsxExport;

/**
 * The repair-order import file (xlsx or CSV, one order per row, Chinese or English headers): times as local
 * {@code yyyy-MM-dd HH:mm} (Beijing time) or ISO-8601 with offset, yes/no as 是/否, replaced items as
 * {@code SYSTEM:PARTNO[:WHOLE]} separated by {@code ;}. Errors name the spreadsheet row; nothing is imported
 * when any row is bad.
 */
@Component
class RepairOrderFile {

	static final String[][] COLUMNS = { { "vin", "VIN" }, { "dealerCode", "服务商代码" }, { "repairOrderNo", "维修工单号" },
			{ "openedAt", "开单时间" }, { "closedAt", "完工时间" }, { "mileageKm", "行驶里程" }, { "system", "故障系统" },
			{ "faultCode", "故障代码" }, { "description", "故障描述" }, { "qualityProblem", "质量问题" },
			{ "seriousSafetyFault", "严重安全性能故障" }, { "replaced", "更换件" }, { "excludedHours", "不计入小时" },
			{ "earlyFailure", "早期严重故障" } };

	/** The columns for the import page: field name, then the headers the file may use. */
	static java.util.Map<String, List<String>> columnMap() {
		java.util.Map<String, List<String>> m = new java.util.LinkedHashMap<>();
		for (String[] c : COLUMNS) {
			m.put(c[0], List.of(c[1], c[0]));
		}
		return m;
	}

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm[:ss]");

	private final RepairOrderImport imports;

	RepairOrderFile(RepairOrderImport imports) {
		this.imports = imports;
	}

	int importFile(String filename, InputStream in) {
		List<TabularFile.Row> rows = TabularFile.read(filename, in);
		if (rows.isEmpty()) {
			throw ValidationException.of("file", "import.file.empty");
		}
		List<Violation> errors = new ArrayList<>();
		List<RepairOrderCommand> commands = new ArrayList<>();
		for (TabularFile.Row row : rows) {
			commands.add(command(row, errors));
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		try {
			return imports.importAll(commands, filename);
		} catch (ValidationException e) {
			List<Violation> byRow = new ArrayList<>();
			for (Violation v : e.violations()) {
				byRow.add(v.index() == null ? v : v.atIndex(rows.get(v.index()).number()));
			}
			throw new ValidationException(byRow);
		}
	}

	private static RepairOrderCommand command(TabularFile.Row row, List<Violation> errors) {
		int n = row.number();
		return new RepairOrderCommand(get(row, 0), get(row, 1), get(row, 2), time(get(row, 3), "openedAt", n, errors),
				time(get(row, 4), "closedAt", n, errors), number(get(row, 5), "mileageKm", n, errors), get(row, 6),
				get(row, 7), get(row, 8), bool(get(row, 9), "qualityProblem", n, errors),
				bool(get(row, 10), "seriousSafetyFault", n, errors), replaced(get(row, 11), n, errors),
				decimal(get(row, 12), "excludedHours", n, errors), get(row, 13));
	}

	private static String get(TabularFile.Row row, int column) {
		return row.get(COLUMNS[column]);
	}

	static OffsetDateTime time(String s, String field, int row, List<Violation> errors) {
		if (s == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(s);
		} catch (DateTimeParseException e) {
			try {
				return LocalDateTime.parse(s.replace('T', ' ').replace('/', '-'), LOCAL).atZone(TimeConfig.BUSINESS_ZONE)
						.toOffsetDateTime();
			} catch (DateTimeParseException e2) {
				errors.add(Violation.row(row, field, "quality.datetime.invalid"));
				return null;
			}
		}
	}

	private static Long number(String s, String field, int row, List<Violation> errors) {
		if (s == null) {
			return null;
		}
		try {
			return new BigDecimal(s.replace(",", "")).longValueExact();
		} catch (ArithmeticException | NumberFormatException e) {
			errors.add(Violation.row(row, field, "quality.number.invalid"));
			return null;
		}
	}

	private static BigDecimal decimal(String s, String field, int row, List<Violation> errors) {
		if (s == null) {
			return null;
		}
		try {
			return new BigDecimal(s.replace(",", ""));
		} catch (NumberFormatException e) {
			errors.add(Violation.row(row, field, "quality.number.invalid"));
			return null;
		}
	}

	private static Boolean bool(String s, String field, int row, List<Violation> errors) {
		if (s == null) {
			return null;
		}
		return switch (s.strip().toLowerCase(Locale.ROOT)) {
			case "是", "y", "yes", "true", "1" -> true;
			case "否", "n", "no", "false", "0" -> false;
			default -> {
				errors.add(Violation.row(row, field, "quality.boolean.invalid"));
				yield null;
			}
		};
	}

	static List<RepairOrderCommand.Replaced> replaced(String s, int row, List<Violation> errors) {
		List<RepairOrderCommand.Replaced> list = new ArrayList<>();
		if (s == null) {
			return list;
		}
		for (String part : s.split("[;；]")) {
			if (part.isBlank()) {
				continue;
			}
			String[] f = part.strip().split("[:：]");
			if (f.length < 2 || f.length > 3 || (f.length == 3 && !isWhole(f[2]))) {
				errors.add(Violation.row(row, "replaced", "quality.replaced.invalid"));
				return list;
			}
			list.add(new RepairOrderCommand.Replaced(f[0].strip().toUpperCase(Locale.ROOT), f[1].strip(), f.length == 3));
		}
		return list;
	}

	private static boolean isWhole(String s) {
		String w = s.strip().toUpperCase(Locale.ROOT);
		return w.equals("WHOLE") || w.equals("总成");
	}

	/** An empty template with the headers and one example row. */
	void template(OutputStream out) {
		List<String> headers = new ArrayList<>();
		for (String[] c : COLUMNS) {
			headers.add(c[1]);
		}
		List<Object> example = java.util.Arrays.asList("LSVAM4187C2184847", "D0001", "RO-2026-0001", "2026-03-02 09:10",
				"2026-03-03 17:00", 12_345, "ENGINE", "P0300", "发动机抖动", "是", "否", "ENGINE:E-INJ-1;ENGINE:E-100:WHOLE", "",
				"");
		XlsxExport.write(out, "repair-orders", null, headers, sink -> sink.row(example));
	}
}
