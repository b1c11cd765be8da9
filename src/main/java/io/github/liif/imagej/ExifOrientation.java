package io.github.liif.imagej;

import ij.ImagePlus;
import ij.process.ImageProcessor;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JPEG's EXIF Orientation, applied as viewers apply it: a camera stores an upright photo taken
 * in portrait as landscape pixels plus this tag, and the user saw (and expects) the upright one.
 */
final class ExifOrientation {

	private static final int SOI = 0xFFD8;
	private static final int APP1 = 0xFFE1;
	private static final int SOS = 0xFFDA;
	private static final int ORIENTATION_TAG = 0x0112;

	private ExifOrientation() {}

	/** The image as it is shown: its single plane turned and flipped by the file's orientation. */
	static ImagePlus apply(Path jpeg, ImagePlus imp) throws IOException {
		int orientation = of(jpeg);
		if (orientation == 1) return imp;
		ImageProcessor ip = imp.getProcessor();
		// 5-8 turn by 90 degrees clockwise first; then 2, 4, 5, 7 flip (3 is two flips: 180 degrees)
		if (orientation >= 5) ip = ip.rotateRight();
		if (orientation == 2 || orientation == 3 || orientation == 5) ip.flipHorizontal();
		if (orientation == 3 || orientation == 4 || orientation == 7) ip.flipVertical();
		if (orientation == 8) {
			ip.flipHorizontal();
			ip.flipVertical();
		}
		imp.setProcessor(ip);
		return imp;
	}

	/** The orientation (1-8) in a JPEG's EXIF segment; 1 (as stored) without one, or for a value out of range or damaged. */
	static int of(Path jpeg) throws IOException {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(jpeg)))) {
			if (in.readUnsignedShort() != SOI) return 1;
			while (true) {
				int marker = in.readUnsignedShort();
				// metadata segments all come before the image data
				if ((marker & 0xFF00) != 0xFF00 || marker == SOS) return 1;
				int length = in.readUnsignedShort() - 2;
				if (length < 0) return 1;
				byte[] segment = in.readNBytes(length);
				if (marker == APP1 && segment.length >= 14 && new String(segment, 0, 6, StandardCharsets.ISO_8859_1).equals(
					"Exif\0\0"))
				{
					return inTiff(segment, 6);
				}
			}
		}
		catch (EOFException e) {
			return 1;
		}
	}

	/** Tag 0x0112 of the first IFD of the TIFF structure at {@code start}. */
	private static int inTiff(byte[] segment, int start) {
		ByteBuffer b = ByteBuffer.wrap(segment).order(segment[start] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		long ifd = start + (b.getInt(start + 4) & 0xFFFFFFFFL);
		if (ifd + 2 > segment.length) return 1;
		int entries = b.getShort((int) ifd) & 0xFFFF;
		for (int i = 0; i < entries; i++) {
			int entry = (int) ifd + 2 + 12 * i;
			if (entry + 12 > segment.length) return 1;
			if ((b.getShort(entry) & 0xFFFF) == ORIENTATION_TAG) {
				int value = b.getShort(entry + 8) & 0xFFFF;
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}
}
