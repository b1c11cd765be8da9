package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.plugin.LutLoader;
import ij.process.LUT;
import io.github.liif.TinyModels;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.inference.ZScale;
import io.github.liif.network.LiifNetwork;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a result keeps besides its pixels: calibration and display, as ImageJ's Image › Scale keeps them. */
class ResultPropertiesTest {

	static LiifNetwork gray;
	static Upscaler upscaler;

	@TempDir
	Path dir;

	@BeforeAll
	static void model() {
		gray = LiifNetwork.create(TinyModels.randomEdsr(1, true, 21), Device.cpu());
		upscaler = new Upscaler(gray, UpscaleOptions.DEFAULT);
	}

	@AfterAll
	static void close() {
		gray.close();
	}

	private static void assertUncalibrated(Calibration cal, String where) {
		assertFalse(cal.scaled(), where + ": " + cal);
		assertEquals(1, cal.pixelWidth, where);
		assertEquals(1, cal.pixelHeight, where);
		assertEquals(1, cal.pixelDepth, where);
		assertEquals("pixel", cal.getUnit(), where);
	}

	@Test
	void anUncalibratedImageGivesAnUncalibratedResultInEveryPath() throws Exception {
		ImagePlus plane = ImagePlusUpscalerTest.random("8-bit", 25, 20, 1, 1, 1);
		assertFalse(plane.getCalibration().scaled());
		assertUncalibrated(InjectedUpscales.inMemory(upscaler, plane, TargetSize.scales(2, 2.5), false).getCalibration(),
			"in memory");
		plane.setRoi(new Roi(3, 4, 10, 8));
		ImagePlus region = InjectedUpscales.inMemory(upscaler, plane, TargetSize.scale(2), false);
		assertUncalibrated(region.getCalibration(), "a ROI");
		assertEquals(-6, region.getCalibration().xOrigin, 1e-12, "the origin, in the result's pixels, moves to the ROI");
		plane.deleteRoi();
		Path file = dir.resolve("streamed.tif");
		InjectedUpscales.streamedTiff(upscaler, plane, TargetSize.scale(2), false, file, false, Monitor.NONE);
		assertUncalibrated(IJ.openImage(file.toString()).getCalibration(), "streamed TIFF");
		ImagePlus stack = ImagePlusUpscalerTest.random("16-bit", 12, 10, 1, 4, 1);
		assertUncalibrated(InjectedUpscales.inMemory(upscaler, stack, TargetSize.scale(1.5), ZScale.factor(2), false,
			Monitor.NONE).getCalibration(), "along Z");
	}

	@Test
	void hiddenChannelsModeLutsRangesAndPositionAreKeptAsImageScaleKeepsThem() {
		CompositeImage imp = new CompositeImage(ImagePlusUpscalerTest.random("16-bit", 14, 11, 3, 2, 2), IJ.COMPOSITE);
		imp.setChannelLut(LUT.createLutFromColor(Color.MAGENTA), 2);
		imp.setPosition(3, 1, 1);
		imp.setDisplayRange(100, 3000);
		imp.setActiveChannels("101");
		imp.setPosition(2, 2, 2);
		CompositeImage out = (CompositeImage) InjectedUpscales.inMemory(upscaler, imp, TargetSize.scale(2), false);
		assertEquals(IJ.COMPOSITE, out.getMode());
		assertArrayEquals(new boolean[]{ true, false, true }, Arrays.copyOf(out.getActiveChannels(), 3), "channel 2 hidden");
		assertArrayEquals(new int[]{ 2, 2, 2 }, new int[]{ out.getC(), out.getZ(), out.getT() });
		assertEquals(Color.MAGENTA.getRGB(), out.getChannelLut(2).getRGB(255));
		assertEquals(100, out.getChannelLut(3).min, 1e-9);
		assertEquals(3000, out.getChannelLut(3).max, 1e-9);
		imp.setMode(IJ.GRAYSCALE);
		assertEquals(IJ.GRAYSCALE, ((CompositeImage) InjectedUpscales.inMemory(upscaler, imp, TargetSize.scale(2), false))
			.getMode());
	}

	@Test
	void aStackThroughALutKeepsItsLutRangeAndSlice() {
		ImagePlus stack = ImagePlusUpscalerTest.random("8-bit", 12, 10, 1, 4, 1);
		stack.setLut(new LUT(LutLoader.getLut("fire"), 0, 255));
		stack.setSlice(2);
		stack.setDisplayRange(10, 100);
		int fire = stack.getProcessor().getColorModel().getRGB(128);
		ImagePlus out = InjectedUpscales.inMemory(upscaler, stack, TargetSize.scale(2), false);
		assertEquals(8, out.getBitDepth());
		assertEquals(2, out.getCurrentSlice());
		assertEquals(fire, out.getProcessor().getColorModel().getRGB(128));
		assertEquals(10, out.getDisplayRangeMin(), 1e-9);
		assertEquals(100, out.getDisplayRangeMax(), 1e-9);
		ImagePlus alongZ = InjectedUpscales.inMemory(upscaler, stack, TargetSize.scale(1), ZScale.factor(2), false, Monitor.NONE);
		assertEquals(4, alongZ.getCurrentSlice(), "slice 2 of 4 is around slice 4 of 8");
	}
}
