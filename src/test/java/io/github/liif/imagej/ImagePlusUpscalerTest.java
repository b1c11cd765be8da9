package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.LUT;
import io.github.liif.TinyModels;
import io.github.liif.app.ImageSets;
import io.github.liif.app.IntensityMapping;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.network.LiifNetwork;
import java.awt.Color;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every ImageJ image kind through the adapter: types, dimensions, metadata, values, input untouched. */
public class ImagePlusUpscalerTest {

	static LiifNetwork gray;
	static LiifNetwork rgb;

	@BeforeAll
	static void models() {
		gray = LiifNetwork.create(TinyModels.randomEdsr(1, true, 21), Device.cpu());
		rgb = LiifNetwork.create(TinyModels.randomEdsr(3, true, 22), Device.cpu());
	}

	@AfterAll
	static void close() {
		gray.close();
		rgb.close();
	}

	public static ImagePlus random(String type, int w, int h, int c, int z, int t) {
		ImagePlus imp = IJ.createImage("in", type + " ramp", w, h, c, z, t);
		Random r = new Random(5);
		for (int s = 1; s <= imp.getStackSize(); s++) {
			var ip = imp.getStack().getProcessor(s);
			for (int i = 0; i < ip.getPixelCount(); i++) {
				ip.setf(i, type.equals("32-bit") ? r.nextFloat() * 1000 - 200 : type.equals("16-bit") ? r.nextInt(4096) : r
					.nextInt(256));
				if (type.equals("RGB")) ip.set(i, r.nextInt(1 << 24));
			}
		}
		return imp;
	}

	private static ImagePlus upscale(LiifNetwork net, ImagePlus imp, TargetSize size, boolean float32) {
		return InjectedUpscales.inMemory(new Upscaler(net, UpscaleOptions.DEFAULT), imp, size, float32);
	}

	private static Object[] pixels(ImagePlus imp) {
		Object[] out = new Object[imp.getStackSize()];
		for (int s = 1; s <= out.length; s++) {
			Object p = imp.getStack().getPixels(s);
			out[s - 1] = p instanceof byte[] b ? b.clone() : p instanceof short[] sh ? sh.clone() : p instanceof float[] f ? f
				.clone() : ((int[]) p).clone();
		}
		return out;
	}

	@Test
	void sixteenBitHyperstackKeepsTypeDimensionsCalibrationLutsAndInput() {
		ImagePlus imp = random("16-bit", 21, 17, 3, 2, 2);
		imp = new CompositeImage(imp, IJ.COMPOSITE);
		imp.getCalibration().pixelWidth = 0.5;
		imp.getCalibration().pixelHeight = 0.25;
		imp.getCalibration().setUnit("mm");
		((CompositeImage) imp).setChannelLut(LUT.createLutFromColor(Color.MAGENTA), 2);
		imp.setPosition(2, 1, 1);
		imp.setDisplayRange(100, 3000);
		Object[] before = pixels(imp);
		ImagePlus out = upscale(gray, imp, TargetSize.scales(2.5, 3), false);
		assertEquals(53, out.getWidth());
		assertEquals(51, out.getHeight());
		assertEquals(16, out.getBitDepth());
		assertArrayEquals(new int[]{ 53, 51, 3, 2, 2 }, out.getDimensions());
		assertTrue(out.isComposite());
		assertEquals(IJ.COMPOSITE, ((CompositeImage) out).getMode());
		assertEquals(0.5 * 21 / 53, out.getCalibration().pixelWidth, 1e-12);
		assertEquals(0.25 * 17 / 51, out.getCalibration().pixelHeight, 1e-12);
		assertEquals("mm", out.getCalibration().getUnit());
		LUT lut = ((CompositeImage) out).getChannelLut(2);
		assertEquals(Color.MAGENTA.getRGB(), lut.getRGB(255));
		assertEquals(100, lut.min, 1e-9);
		assertEquals(3000, lut.max, 1e-9);
		assertEquals("in-LIIF-2.5x3", out.getTitle());
		Object[] after = pixels(imp);
		for (int s = 0; s < before.length; s++) assertArrayEquals((short[]) before[s], (short[]) after[s]);
	}

	@Test
	void valuesEqualTheCoreEngineMappedBackToTheInputRange() {
		ImagePlus imp = random("32-bit", 15, 13, 1, 1, 1);
		ImagePlus out = upscale(gray, imp, TargetSize.size(40, 29), false);
		var range = IntensityMapping.ranges(ImagePlusData.of(imp))[0];
		float[] raw = (float[]) imp.getProcessor().getPixels();
		float[] unit = new float[raw.length];
		for (int i = 0; i < raw.length; i++) unit[i] = range.toUnit(raw[i]);
		PlanarImage core = new Upscaler(gray, UpscaleOptions.DEFAULT).upscale(new PlanarImage(13, 15, new float[][]{ unit }), 29,
			40, Monitor.NONE);
		float[] result = (float[]) out.getProcessor().getPixels();
		for (int i = 0; i < result.length; i++) assertEquals(range.fromUnit(core.plane(0)[i]), result[i], 1e-3);
	}

	@Test
	void eightBitRoundsAndClampsAndRgbUsesAllChannels() {
		ImagePlus g = random("8-bit", 12, 10, 1, 3, 1);
		ImagePlus out = upscale(gray, g, TargetSize.scale(2), false);
		assertEquals(8, out.getBitDepth());
		assertEquals(3, out.getNSlices());
		ImagePlus c = random("RGB", 12, 10, 1, 1, 1);
		ImagePlus colour = upscale(rgb, c, TargetSize.scale(1.5), false);
		assertEquals(24, colour.getBitDepth());
		assertEquals(18, colour.getWidth());
		ImagePlus asFloat = upscale(rgb, c, TargetSize.scale(1.5), true);
		assertEquals(32, asFloat.getBitDepth());
		assertEquals(3, asFloat.getNChannels());
		int rgbPixel = colour.getProcessor().get(5, 5);
		assertEquals((rgbPixel >> 8) & 0xff, Math.round(Math.max(0, Math.min(255, asFloat.getStack().getProcessor(2).getf(5,
			5)))));
		// a gray image through the colour model and an RGB image through the gray model both work
		assertEquals(8, upscale(rgb, g, TargetSize.scale(2), false).getBitDepth());
		assertEquals(24, upscale(gray, c, TargetSize.scale(2), false).getBitDepth());
	}

	@Test
	void roiLimitsTheWorkToItsBounds() {
		ImagePlus imp = random("8-bit", 30, 20, 1, 1, 1);
		imp.setRoi(new Roi(5, 4, 10, 8));
		ImagePlus out = upscale(gray, imp, TargetSize.scale(2), false);
		assertEquals(20, out.getWidth());
		assertEquals(16, out.getHeight());
	}

	@Test
	void constantAndNonFiniteImagesGiveDefinedResults() {
		ImagePlus flat = IJ.createImage("flat", "32-bit black", 12, 12, 1);
		flat.getProcessor().set(7.5);
		ImagePlus out = upscale(gray, flat, TargetSize.scale(2), true);
		assertTrue(Float.isFinite(out.getProcessor().getf(3, 3)));
		ImagePlus nan = random("32-bit", 12, 12, 1, 1, 1);
		nan.getProcessor().setf(4, 4, Float.NaN);
		nan.getProcessor().setf(5, 5, Float.POSITIVE_INFINITY);
		ImagePlus r = upscale(gray, nan, TargetSize.scale(2), false);
		for (float v : (float[]) r.getProcessor().getPixels()) assertTrue(Float.isFinite(v));
	}

	@Test
	void impossibleRequestsAreRefusedWithNumbers() {
		ImagePlus imp = random("8-bit", 50000, 2, 1, 1, 1);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> upscale(gray, imp, TargetSize.scale(300),
			false));
		assertTrue(e.getMessage().contains("2^31"), e.getMessage());
		// 100 slices of 40000 x 40000 8-bit pixels: 160 GB, refused before any work
		ImagePlus small = random("8-bit", 100, 100, 1, 100, 1);
		e = assertThrows(IllegalArgumentException.class, () -> upscale(gray, small, TargetSize.scale(400), false));
		assertTrue(e.getMessage().contains("GB"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> TargetSize.scale(0));
		assertThrows(IllegalArgumentException.class, () -> TargetSize.scale(-2));
		assertThrows(IllegalArgumentException.class, () -> TargetSize.scale(Double.NaN));
		assertThrows(IllegalArgumentException.class, () -> TargetSize.scale(Double.POSITIVE_INFINITY));
		assertThrows(IllegalArgumentException.class, () -> TargetSize.size(10, 10).width(20));
	}

	/** An 8-bit colour (palette) image as ImageJ types it when it keeps the palette itself. */
	static ImagePlus palette(String title) {
		byte[][] rgbLut = new byte[3][256];
		Random r = new Random(5);
		for (byte[] c : rgbLut) r.nextBytes(c);
		ByteProcessor bp = new ByteProcessor(40, 30);
		bp.setColorModel(new IndexColorModel(8, 256, rgbLut[0], rgbLut[1], rgbLut[2]));
		return new ImagePlus(title, bp) {

			{
				setType(COLOR_256);
			}
		};
	}

	@Test
	void paletteImagesAreRefusedWithWhatToDoAndTrainingSkipsThem() throws Exception {
		ImagePlus pal = palette("pal");
		byte[] before = ((byte[]) pal.getProcessor().getPixels()).clone();
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> upscale(gray, pal, TargetSize.scale(2),
			false));
		assertTrue(e.getMessage().contains("palette") && e.getMessage().contains("Image > Type > RGB Color"), e.getMessage());
		assertArrayEquals(before, (byte[]) pal.getProcessor().getPixels());
		List<String> warnings = new ArrayList<>();
		assertThrows(IOException.class, () -> ImageSets.planes(List.of(ImageJSource.of(pal)), 1, 16, warnings::add, null));
		assertTrue(warnings.get(0).contains("converted to RGB first"), warnings.toString());
	}
}
