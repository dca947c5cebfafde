package com.kcm.shared.io;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.domain.Violations;

/**
 * The columns of one import file: each field with the headers accepted for it (matched ignoring case; the
 * first is the template's). Reads a {@link TabularFile}, refusing an empty file or one that lacks a
 * required column, reads a field of a row, moves a row's violations to its row number, and writes the
 * xlsx template. Shared by the imports so that every one of them behaves alike.
 */
public final class ImportColumns {

	private final Map<String, List<String>> aliases;

	private ImportColumns(Map<String, List<String>> aliases) {
		this.aliases = Collections.unmodifiableMap(aliases);
	}

	/** Pairs of field name and its list of accepted headers, in template order. */
	public static ImportColumns of(Object... pairs) {
		Map<String, List<String>> m = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			@SuppressWarnings("unchecked")
			List<String> a = (List<String>) pairs[i + 1];
			m.put((String) pairs[i], List.copyOf(a));
		}
		return new ImportColumns(m);
	}

	/** Field → accepted headers, in template order. */
	public Map<String, List<String>> aliases() {
		return aliases;
	}

	/** The header of each field as the template writes it. */
	public List<String> templateHeaders() {
		return aliases.values().stream().map(a -> a.get(0)).toList();
	}

	/** The rows of the file; an empty file or a missing required column is refused naming the file. */
	public List<TabularFile.Row> read(String filename, InputStream in, String... required) {
		List<TabularFile.Row> rows = TabularFile.read(filename, in);
		if (rows.isEmpty()) {
			throw ValidationException.of("file", "import.file.empty");
		}
		Set<String> headers = rows.get(0).values().keySet();
		Violations v = new Violations();
		for (String field : required) {
			if (aliases.get(field).stream().noneMatch(a -> headers.contains(a.toLowerCase(Locale.ROOT)))) {
				v.field("file", "import.column.missing", String.join(" / ", aliases.get(field)));
			}
		}
		v.throwIfAny();
		return rows;
	}

	/** The trimmed value of a field in a row; {@code null} when blank or absent. */
	public String get(TabularFile.Row row, String field) {
		return row.get(aliases.get(field).toArray(String[]::new));
	}

	/** Adds the violations found in one row to {@code all}, each carrying the row number the user sees. */
	public static void atRow(TabularFile.Row row, Violations found, Violations all) {
		for (Violation x : found.list()) {
			all.add(x.atIndex(row.number()));
		}
	}

	/** Writes the xlsx template: the headers and one example row. */
	public void template(OutputStream out, List<?> example) {
		XlsxExport.write(out, "import", null, templateHeaders(), sink -> sink.row(example));
	}
}
