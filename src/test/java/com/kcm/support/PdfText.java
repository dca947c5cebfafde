package com.kcm.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** Reads the text back out of a PDF, page by page, as a reader would copy it. */
public final class PdfText {

	private PdfText() {
	}

	public static String of(byte[] pdf) {
		try (PdfReader reader = new PdfReader(pdf)) {
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			StringBuilder text = new StringBuilder();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append('\n');
			}
			return text.toString();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The names of the fonts the PDF embeds (a font with a FontFile2 stream). */
	public static java.util.List<String> embeddedFonts(byte[] pdf) {
		try (PdfReader reader = new PdfReader(pdf)) {
			java.util.List<String> names = new java.util.ArrayList<>();
			for (int i = 1; i < reader.getXrefSize(); i++) {
				var obj = reader.getPdfObject(i);
				if (obj instanceof org.openpdf.text.pdf.PdfDictionary dict
						&& org.openpdf.text.pdf.PdfName.FONTDESCRIPTOR.equals(dict.get(org.openpdf.text.pdf.PdfName.TYPE))
						&& dict.get(org.openpdf.text.pdf.PdfName.FONTFILE2) != null) {
					names.add(String.valueOf(dict.get(org.openpdf.text.pdf.PdfName.FONTNAME)));
				}
			}
			return names;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
