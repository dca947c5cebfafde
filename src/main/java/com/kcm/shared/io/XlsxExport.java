package com.kcm.shared.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one list as an xlsx sheet, streaming: rows are flushed to disk every 200, so an export of any
 * size never holds the whole list in memory. Callers feed rows page by page and mask personal data
 * before they hand it over.
 */
public final class XlsxExport {

	/** Receives rows; each row is a list of cell values (String, Number, LocalDate, Boolean or null). */
	public interface Sink {
		void row(List<?> cells);
	}

	private XlsxExport() {
	}

	public static void write(OutputStream out, String sheetName, String title, List<String> headers,
			Consumer<Sink> rows) {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
			SXSSFSheet sheet = wb.createSheet(sheetName);
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			int[] next = { 0 };
			if (title != null) {
				SXSSFRow t = sheet.createRow(next[0]++);
				t.createCell(0).setCellValue(title);
				t.getCell(0).setCellStyle(bold);
			}
			SXSSFRow h = sheet.createRow(next[0]++);
			for (int i = 0; i < headers.size(); i++) {
				h.createCell(i).setCellValue(headers.get(i));
				h.getCell(i).setCellStyle(bold);
			}
			rows.accept(cells -> {
				SXSSFRow r = sheet.createRow(next[0]++);
				for (int i = 0; i < cells.size(); i++) {
					Object v = cells.get(i);
					if (v == null) {
						continue;
					}
					var cell = r.createCell(i);
					if (v instanceof BigDecimal bd) {
						cell.setCellValue(bd.doubleValue());
					} else if (v instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					} else if (v instanceof Boolean b) {
						cell.setCellValue(b ? "是" : "否");
					} else if (v instanceof LocalDate d) {
						cell.setCellValue(d.toString());
					} else if (v instanceof TemporalAccessor ta) {
						cell.setCellValue(ta.toString());
					} else {
						cell.setCellValue(v.toString());
					}
				}
			});
			for (int i = 0; i < headers.size(); i++) {
				sheet.setColumnWidth(i, 18 * 256);
			}
			wb.write(out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
