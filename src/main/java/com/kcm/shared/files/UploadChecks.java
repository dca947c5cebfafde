package com.kcm.shared.files;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import com.kcm.shared.domain.ValidationException;

/**
 * What an upload is, judged by its content and never by its name (SPEC §8): a JPEG or PNG that decodes, within
 * the byte and pixel limits ({@code kcm.uploads.max-size}, {@code kcm.uploads.max-pixels}), or a PDF. Images are
 * decoded and encoded again, so whatever metadata they carried (EXIF, GPS location, comments) is gone; PDFs must
 * open as PDF documents. A refusal is a {@link ValidationException} naming the form field the caller gives.
 */
@Component
public class UploadChecks {

	private final long maxBytes;
	private final long maxPixels;

	UploadChecks(@Value("${kcm.uploads.max-size:10MB}") DataSize maxSize,
			@Value("${kcm.uploads.max-pixels:40000000}") long maxPixels) {
		this.maxBytes = maxSize.toBytes();
		this.maxPixels = maxPixels;
	}

	/** Checks one upload sent as form field {@code field}; images only, or images and PDF. */
	public CheckedFile check(String field, byte[] content, boolean imagesOnly) {
		if (content == null || content.length == 0) {
			throw ValidationException.of(field, "upload.empty");
		}
		if (content.length > maxBytes) {
			throw ValidationException.of(field, "upload.tooLarge", String.valueOf(maxBytes / (1024 * 1024)));
		}
		if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
			return image(field, content, "jpeg");
		}
		if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return image(field, content, "png");
		}
		if (!imagesOnly && startsWith(content, '%', 'P', 'D', 'F', '-')) {
			return pdf(field, content);
		}
		throw ValidationException.of(field, imagesOnly ? "upload.notImage" : "upload.type");
	}

	private CheckedFile image(String field, byte[] content, String format) {
		BufferedImage decoded;
		int width;
		int height;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
			if (!readers.hasNext()) {
				throw unreadable(field);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				width = reader.getWidth(0);
				height = reader.getHeight(0);
				if ((long) width * height > maxPixels) {
					throw ValidationException.of(field, "upload.tooManyPixels", String.valueOf(width), String.valueOf(height),
							maxPixels / 1_000_000);
				}
				decoded = reader.read(0);
			} finally {
				reader.dispose();
			}
		} catch (IOException | RuntimeException e) {
			if (e instanceof ValidationException v) {
				throw v;
			}
			throw unreadable(field);
		}
		return "jpeg".equals(format) ? new CheckedFile("image/jpeg", "jpg", jpeg(decoded), width, height)
				: new CheckedFile("image/png", "png", png(decoded), width, height);
	}

	/** Encodes again as JPEG (quality 0.9) from plain RGB pixels: no metadata survives. */
	private static byte[] jpeg(BufferedImage image) {
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
		g.dispose();
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(ios);
			ImageWriteParam p = writer.getDefaultWriteParam();
			p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			p.setCompressionQuality(0.9f);
			writer.write(null, new IIOImage(rgb, null, null), p);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toByteArray();
	}

	private static CheckedFile pdf(String field, byte[] content) {
		try {
			org.openpdf.text.pdf.PdfReader reader = new org.openpdf.text.pdf.PdfReader(content);
			int pages = reader.getNumberOfPages();
			reader.close();
			if (pages < 1) {
				throw unreadable(field);
			}
		} catch (IOException | RuntimeException e) {
			throw unreadable(field);
		}
		return CheckedFile.pdf(content);
	}

	private static ValidationException unreadable(String field) {
		return ValidationException.of(field, "upload.unreadable");
	}

	private static boolean startsWith(byte[] b, int... prefix) {
		if (b.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((b[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
