package com.kcm.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Small images for upload tests: plain ones, one carrying a GPS marker in EXIF, and the size of one read back. */
public final class TestImages {

	private TestImages() {
	}

	public static byte[] image(Color color, String format, int width, int height) {
		BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(img, format, out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** The JPEG with an EXIF segment (APP1) right after the start marker, carrying the text {@code KCM-GPS-MARKER}. */
	public static byte[] withExifGps(byte[] jpeg) {
		byte[] payload = ("Exif\0\0GPSLatitude=31.2304N;GPSLongitude=121.4737E;KCM-GPS-MARKER")
				.getBytes(StandardCharsets.ISO_8859_1);
		int len = payload.length + 2;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write((len >> 8) & 0xFF);
		out.write(len & 0xFF);
		out.writeBytes(payload);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	public static boolean contains(byte[] haystack, String needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
	}

	/** Width × height of an encoded image, e.g. {@code 64×48}. */
	public static String size(byte[] encoded) {
		try {
			BufferedImage img = ImageIO.read(new ByteArrayInputStream(encoded));
			return img.getWidth() + "×" + img.getHeight();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A Windows program renamed to look like a picture: only its first bytes say what it is. */
	public static byte[] program() {
		byte[] exe = new byte[4096];
		exe[0] = 'M';
		exe[1] = 'Z';
		return exe;
	}
}
