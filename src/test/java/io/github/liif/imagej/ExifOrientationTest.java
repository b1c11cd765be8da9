package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JPEGs are read upright, as viewers show them, by their EXIF Orientation. */
class ExifOrientationTest {

	@TempDir
	Path dir;

	/** An 80 x 60 JPEG, white in its stored top-left 16 x 12 corner, black elsewhere, with an EXIF Orientation tag. */
	private Path jpeg(int orientation, boolean bigEndian) throws Exception {
		BufferedImage image = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 12; y++) for (int x = 0; x < 16; x++) image.setRGB(x, y, 0xFFFFFF);
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", plain);
		byte[] jpg = plain.toByteArray();
		// APP1: "Exif\0\0", a TIFF header, one IFD with one entry: Orientation (SHORT, 1 value)
		ByteBuffer tiff = ByteBuffer.allocate(26).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		tiff.put(bigEndian ? (byte) 'M' : (byte) 'I').put(bigEndian ? (byte) 'M' : (byte) 'I').putShort((short) 42).putInt(8);
		tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort(
			(short) 0).putInt(0);
		byte[] exif = new byte[6 + tiff.capacity()];
		System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
		System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpg, 0, 2);
		out.write(new byte[]{ (byte) 0xFF, (byte) 0xE1, (byte) (exif.length + 2 >> 8), (byte) (exif.length + 2) });
		out.write(exif);
		out.write(jpg, 2, jpg.length - 2);
		return Files.write(dir.resolve("o" + orientation + ".jpg"), out.toByteArray());
	}

	@ParameterizedTest
	@CsvSource({ "1, 80, 60, 0, 0", "2, 80, 60, 79, 0", "3, 80, 60, 79, 59", "4, 80, 60, 0, 59", "5, 60, 80, 0, 0",
		"6, 60, 80, 59, 0", "7, 60, 80, 59, 79", "8, 60, 80, 0, 79" })
	void theStoredPixelsAreTurnedAsTheTagSays(int orientation, int width, int height, int cornerX, int cornerY) throws Exception {
		for (boolean bigEndian : new boolean[]{ false, true }) {
			ImagePlus imp = ImageFiles.read(jpeg(orientation, bigEndian));
			assertEquals(width, imp.getWidth());
			assertEquals(height, imp.getHeight());
			// the white corner, a few pixels in from the image's own corner
			int x = cornerX == 0 ? 3 : cornerX - 3;
			int y = cornerY == 0 ? 3 : cornerY - 3;
			assertTrue((imp.getProcessor().get(x, y) & 0xFF) > 200, "white at " + x + "," + y);
			assertTrue((imp.getProcessor().get(width - 1 - x, height - 1 - y) & 0xFF) < 50, "black opposite");
		}
	}
}
