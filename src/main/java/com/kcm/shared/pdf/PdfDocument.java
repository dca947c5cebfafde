package com.kcm.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.function.Consumer;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontSelector;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The one place that writes PDFs. Every text is set in the CJK font that ships inside the application
 * (fonts/DroidSansFallbackFull.ttf, Apache License 2.0), embedded as a subset, so a PDF shows its Chinese
 * text on any reader and is produced on a machine without font packages. Latin letters and digits, which
 * that font lacks, are set in the standard Helvetica every PDF reader has.
 *
 * Callers describe the content through {@link Body}: headings, paragraphs, label-value lines, tables and
 * images, in order.
 */
public final class PdfDocument {

	private static final String FONT = "fonts/DroidSansFallbackFull.ttf";

	private static volatile BaseFont baseFont;

	private PdfDocument() {
	}

	/** What a document is made of, in the order the calls are made. */
	public interface Body {

		void heading(String text);

		void subheading(String text);

		void paragraph(String text);

		/** One line: a bold label and its value (a missing value prints as a dash). */
		void field(String label, Object value);

		/** A table with a header row; cells may be String, Number, BigDecimal, LocalDate or null. */
		void table(List<String> headers, List<? extends List<?>> rows, float... relativeWidths);

		/** An image (JPEG or PNG bytes) scaled to fit the page width and at most maxHeight points. */
		void image(byte[] bytes, float maxHeight);
	}

	/** Writes an A4 portrait document. */
	public static void write(OutputStream out, String title, Consumer<Body> content) {
		write(out, PageSize.A4, title, content);
	}

	/** Writes an A4 landscape document, for wide tables such as the bulletin. */
	public static void writeLandscape(OutputStream out, String title, Consumer<Body> content) {
		write(out, PageSize.A4.rotate(), title, content);
	}

	public static byte[] bytes(String title, Consumer<Body> content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, title, content);
		return out.toByteArray();
	}

	private static void write(OutputStream out, Rectangle size, String title, Consumer<Body> content) {
		Document document = new Document(size, 36, 36, 40, 40);
		try {
			PdfWriter.getInstance(document, out);
			document.addTitle(title);
			document.addCreator("KCM");
			document.open();
			content.accept(new Writer(document));
			document.close();
		} catch (DocumentException e) {
			throw new IllegalStateException("PDF could not be written: " + e.getMessage(), e);
		}
	}

	static BaseFont font() {
		BaseFont f = baseFont;
		if (f == null) {
			synchronized (PdfDocument.class) {
				if (baseFont == null) {
					try (InputStream in = PdfDocument.class.getClassLoader().getResourceAsStream(FONT)) {
						if (in == null) {
							throw new IllegalStateException("CJK font missing from the application: " + FONT);
						}
						byte[] ttf = in.readAllBytes();
						baseFont = BaseFont.createFont("DroidSansFallbackFull.ttf", BaseFont.IDENTITY_H,
								BaseFont.EMBEDDED, true, ttf, null);
					} catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}
				f = baseFont;
			}
		}
		return f;
	}

	private static final class Writer implements Body {

		private final Document document;
		private final FontSelector title = fonts(16, Font.BOLD);
		private final FontSelector sub = fonts(12, Font.BOLD);
		private final FontSelector normal = fonts(10, Font.NORMAL);
		private final FontSelector bold = fonts(10, Font.BOLD);
		private final FontSelector small = fonts(8, Font.NORMAL);
		private final FontSelector smallBold = fonts(8, Font.BOLD);

		Writer(Document document) {
			this.document = document;
		}

		@Override
		public void heading(String text) {
			Paragraph p = new Paragraph(title.process(text));
			p.setAlignment(Element.ALIGN_CENTER);
			p.setSpacingAfter(10);
			add(p);
		}

		@Override
		public void subheading(String text) {
			Paragraph p = new Paragraph(sub.process(text));
			p.setSpacingBefore(8);
			p.setSpacingAfter(4);
			add(p);
		}

		@Override
		public void paragraph(String text) {
			Paragraph p = new Paragraph(normal.process(text));
			p.setSpacingAfter(4);
			add(p);
		}

		@Override
		public void field(String label, Object value) {
			Paragraph p = new Paragraph();
			p.add(bold.process(label + "："));
			p.add(normal.process(text(value)));
			add(p);
		}

		@Override
		public void table(List<String> headers, List<? extends List<?>> rows, float... relativeWidths) {
			PdfPTable table = relativeWidths.length == headers.size() ? new PdfPTable(relativeWidths)
					: new PdfPTable(headers.size());
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			table.setSpacingBefore(4);
			for (String h : headers) {
				PdfPCell cell = new PdfPCell(smallBold.process(h));
				cell.setGrayFill(0.9f);
				table.addCell(cell);
			}
			for (List<?> row : rows) {
				for (int i = 0; i < headers.size(); i++) {
					Object v = i < row.size() ? row.get(i) : null;
					PdfPCell cell = new PdfPCell(small.process(text(v)));
					if (v instanceof Number) {
						cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
					}
					table.addCell(cell);
				}
			}
			add(table);
		}

		@Override
		public void image(byte[] bytes, float maxHeight) {
			try {
				Image image = Image.getInstance(bytes);
				float width = document.getPageSize().getWidth() - document.leftMargin() - document.rightMargin();
				image.scaleToFit(width, maxHeight);
				add(image);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		/**
		 * Latin letters and digits in Helvetica (the CJK font has none), everything else in the embedded
		 * CJK font.
		 */
		private static FontSelector fonts(float size, int style) {
			FontSelector selector = new FontSelector();
			selector.addFont(new Font(Font.HELVETICA, size, style));
			selector.addFont(new Font(font(), size, style));
			return selector;
		}

		private void add(Element element) {
			try {
				document.add(element);
			} catch (DocumentException e) {
				throw new IllegalStateException("PDF could not be written: " + e.getMessage(), e);
			}
		}

		private static String text(Object v) {
			if (v == null) {
				return "—";
			}
			if (v instanceof BigDecimal bd) {
				return bd.toPlainString();
			}
			if (v instanceof LocalDate d) {
				return d.toString();
			}
			if (v instanceof TemporalAccessor ta) {
				return ta.toString();
			}
			String s = v.toString();
			return s.isBlank() ? "—" : s;
		}
	}
}
