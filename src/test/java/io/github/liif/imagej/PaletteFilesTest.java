package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.LUT;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexed colour in a file is an encoding: palette files are read as the colours (and transparency) they encode. */
class PaletteFilesTest {

	@TempDir
	Path dir;

	/** A w x h palette image whose pixel i has index i % colours; entry k is (k * 37, 255 - k, k * 11) mod 256, entry 0 transparent when asked. */
	private static BufferedImage palette(int colours, boolean transparent, int w, int h) {
		byte[] r = new byte[colours];
		byte[] g = new byte[colours];
		byte[] b = new byte[colours];
		byte[] a = new byte[colours];
		for (int k = 0; k < colours; k++) {
			r[k] = (byte) (k * 37);
			g[k] = (byte) (255 - k);
			b[k] = (byte) (k * 11);
			a[k] = (byte) (transparent && k == 0 ? 0 : 255);
		}
		IndexColorModel cm = new IndexColorModel(8, colours, r, g, b, a);
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, cm);
		for (int i = 0; i < w * h; i++) image.getRaster().setSample(i % w, i / w, 0, i % colours);
		return image;
	}

	private static int expectedRgb(int index) {
		return (index * 37 & 0xff) << 16 | (255 - index) << 8 | index * 11 & 0xff;
	}

	private static void assertColours(ImagePlus imp, int colours) {
		assertEquals(24, imp.getBitDepth(), "a palette file is read as RGB");
		int[] px = (int[]) imp.getProcessor().getPixels();
		for (int i = 0; i < px.length; i++) assertEquals(expectedRgb(i % colours), px[i] & 0xffffff, "pixel " + i);
	}

	@Test
	void palettePngGifAndTiffAreReadAsTheirColoursWithTransparency() throws Exception {
		Path png = dir.resolve("eight.png");
		ImageIO.write(palette(8, true, 12, 10), "png", png.toFile());
		ImagePlus eight = ImageFiles.read(png);
		assertColours(eight, 8);
		int[] alpha = ImageFiles.alpha(eight);
		for (int i = 0; i < alpha.length; i++) assertEquals(i % 8 == 0 ? 0 : 255, alpha[i], "alpha " + i);
		Path many = dir.resolve("many.png");
		ImageIO.write(palette(200, false, 20, 15), "png", many.toFile());
		ImagePlus rich = ImageFiles.read(many);
		assertColours(rich, 200);
		assertNull(ImageFiles.alpha(rich));
		Path gif = dir.resolve("eight.gif");
		ImageIO.write(palette(8, true, 12, 10), "gif", gif.toFile());
		ImagePlus fromGif = ImageFiles.read(gif);
		assertColours(fromGif, 8);
		assertArrayEquals(alpha, ImageFiles.alpha(fromGif), "the GIF's transparent index");
		Path tif = dir.resolve("eight.tif");
		ImageIO.write(palette(8, false, 12, 10), "tiff", tif.toFile());
		assertColours(ImageFiles.read(tif), 8);
	}

	@Test
	void grayPalettesGiveGrayLevelsAndImageJsLutImagesStayEightBitWithTheirLut() throws Exception {
		Path binary = dir.resolve("mask.png");
		BufferedImage mask = new BufferedImage(9, 7, BufferedImage.TYPE_BYTE_BINARY);
		mask.getRaster().setSample(2, 3, 0, 1);
		ImageIO.write(mask, "png", binary.toFile());
		ImagePlus levels = ImageFiles.read(binary);
		assertEquals(8, levels.getBitDepth());
		assertEquals(255, levels.getProcessor().get(2, 3));
		assertEquals(0, levels.getProcessor().get(3, 3));
		ImagePlus green = IJ.createImage("green", "8-bit ramp", 16, 8, 1);
		green.setLut(LUT.createLutFromColor(Color.GREEN));
		Path tif = dir.resolve("green.tif");
		new FileSaver(green).saveAsTiff(tif.toString());
		ImagePlus read = ImageFiles.read(tif);
		assertEquals(8, read.getBitDepth(), "ImageJ's own LUT image is intensities");
		assertArrayEquals((byte[]) green.getProcessor().getPixels(), (byte[]) read.getProcessor().getPixels());
		assertEquals(Color.GREEN.getRGB(), read.getProcessor().getColorModel().getRGB(255));
	}
}
