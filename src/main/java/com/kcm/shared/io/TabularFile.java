package com.kcm.shared.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import com.kcm.shared.domain.ValidationException;

/**
 * Reads an uploaded import file — xlsx (first sheet) or CSV (UTF-8, with or without BOM, or GBK as Excel
 * in China saves it) — into rows keyed by the header of the first line. Row numbers are those the user
 * sees in the spreadsheet (the header is row 1). Headers are matched case-insensitively, so
 * {@code VIN}, {@code vin} and the Chinese aliases given by an importer all work.
 */
public final class TabularFile {

	/** Upper bound of one import, so a file can never exhaust memory. */
	public static final int MAX_ROWS = 50_000;

	public record Row(int number, Map<String, String> values) {

		/** The trimmed value of the first of the given column names present; {@code null} when blank. */
		public String get(String... names) {
			for (String n : names) {
				String v = values.get(n.toLowerCase(Locale.ROOT));
				if (v != null) {
					v = v.strip();
					return v.isEmpty() ? null : v;
				}
			}
			return null;
		}
	}

	private TabularFile() {
	}

	public static List<Row> read(String filename, InputStream in) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		try {
			byte[] bytes = in.readAllBytes();
			if (name.endsWith(".xlsx") || name.endsWith(".xls") || looksLikeZip(bytes)) {
				return readWorkbook(bytes);
			}
			if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
				return readCsv(decode(bytes));
			}
		} catch (IOException | RuntimeException e) {
			if (e instanceof ValidationException ve) {
				throw ve;
			}
			throw ValidationException.of("file", "import.file.unreadable");
		}
		throw ValidationException.of("file", "import.file.type");
	}

	private static boolean looksLikeZip(byte[] b) {
		return b.length > 3 && b[0] == 'P' && b[1] == 'K';
	}

	private static List<Row> readWorkbook(byte[] bytes) throws IOException {
		try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(bytes))) {
			Sheet sheet = wb.getSheetAt(0);
			DataFormatter fmt = new DataFormatter(Locale.ROOT);
			List<String> headers = null;
			List<Row> rows = new ArrayList<>();
			for (org.apache.poi.ss.usermodel.Row r : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(r.getLastCellNum(), 0); c++) {
					cells.add(cellText(r.getCell(c), fmt));
				}
				if (headers == null) {
					headers = normalise(cells);
					continue;
				}
				if (cells.stream().allMatch(s -> s == null || s.isBlank())) {
					continue;
				}
				rows.add(row(r.getRowNum() + 1, headers, cells));
				if (rows.size() > MAX_ROWS) {
					throw ValidationException.of("file", "import.file.tooManyRows", MAX_ROWS);
				}
			}
			if (headers == null) {
				throw ValidationException.of("file", "import.file.empty");
			}
			return rows;
		}
	}

	private static String cellText(Cell cell, DataFormatter fmt) {
		if (cell == null) {
			return null;
		}
		if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate().toString();
		}
		return fmt.formatCellValue(cell);
	}

	static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
		} catch (CharacterCodingException e) {
			return new String(bytes, Charset.forName("GB18030"));
		}
	}

	/**
	 * RFC 4180 as Excel writes it (Apache Commons CSV): commas, double quotes, quoted line breaks; CRLF, LF or
	 * CR. Blank lines are kept as records so the row numbers stay those of the sheet; a quote left open at the
	 * end of the file or text after a closing quote is taken as it stands, as a spreadsheet would.
	 */
	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setLenientEof(true)
			.setTrailingData(true).get();

	static List<Row> readCsv(String text) throws IOException {
		try (CSVParser parser = CSVParser.parse(text, CSV)) {
			List<String> headers = null;
			List<Row> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				List<String> cells = record.toList();
				if (headers == null) {
					headers = normalise(cells);
					continue;
				}
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				rows.add(row((int) record.getRecordNumber(), headers, cells));
				if (rows.size() > MAX_ROWS) {
					throw ValidationException.of("file", "import.file.tooManyRows", MAX_ROWS);
				}
			}
			if (headers == null) {
				throw ValidationException.of("file", "import.file.empty");
			}
			return rows;
		}
	}

	private static List<String> normalise(List<String> headers) {
		return headers.stream().map(h -> h == null ? "" : h.strip().toLowerCase(Locale.ROOT)).toList();
	}

	private static Row row(int number, List<String> headers, List<String> cells) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int c = 0; c < headers.size(); c++) {
			if (!headers.get(c).isEmpty()) {
				m.put(headers.get(c), c < cells.size() ? cells.get(c) : null);
			}
		}
		return new Row(number, m);
	}

	/** For tests and templates: the bytes of a CSV text as UTF-8. */
	public static byte[] utf8(String csv) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}
}
