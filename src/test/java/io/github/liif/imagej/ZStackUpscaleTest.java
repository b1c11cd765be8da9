package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ij.IJ;
import ij.ImagePlus;
import io.github.liif.TinyModels;
import io.github.liif.image.Bicubic;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.inference.ZScale;
import io.github.liif.model.GlobalResidual;
import io.github.liif.network.LiifNetwork;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Z-stacks along Z through the ImageJ adapter: slices, voxel depth, type, channels, frames, values, the input untouched. */
class ZStackUpscaleTest {

	static LiifNetwork bicubicGray;
	static LiifNetwork gray;

	@BeforeAll
	static void models() {
		bicubicGray = LiifNetwork.create(TinyModels.silenced(TinyModels.randomEdsr(1, true, GlobalResidual.BICUBIC, 3)), Device
			.cpu());
		gray = LiifNetwork.create(TinyModels.randomEdsr(1, true, 21), Device.cpu());
	}

	@AfterAll
	static void close() {
		bicubicGray.close();
		gray.close();
	}

	/** A calibrated 16-bit hyperstack: 2 channels, 5 slices, 2 frames of 12 x 10, 0.2 um pixels, 0.8 um slices. */
	private static ImagePlus stack() {
		ImagePlus imp = IJ.createImage("cells", "16-bit ramp", 12, 10, 2, 5, 2);
		Random r = new Random(7);
		for (int s = 1; s <= imp.getStackSize(); s++) {
			var ip = imp.getStack().getProcessor(s);
			for (int i = 0; i < ip.getPixelCount(); i++) ip.setf(i, 500 + r.nextInt(3000));
		}
		var cal = imp.getCalibration();
		cal.pixelWidth = 0.2;
		cal.pixelHeight = 0.2;
		cal.pixelDepth = 0.8;
		cal.setUnit("mm");
		return imp;
	}

	private static ImagePlus upscale(LiifNetwork net, ImagePlus imp, TargetSize size, ZScale z) {
		return InjectedUpscales.inMemory(new Upscaler(net, UpscaleOptions.DEFAULT), imp, size, z, false, Monitor.NONE);
	}

	@Test
	void fourTimesAlongZKeepsTypeChannelsFramesAndScalesTheVoxelDepth() {
		ImagePlus imp = stack();
		short[] before = ((short[]) imp.getStack().getPixels(7)).clone();
		ImagePlus out = upscale(bicubicGray, imp, TargetSize.scale(1), ZScale.factor(4));
		assertEquals(16, out.getBitDepth());
		assertEquals(12, out.getWidth());
		assertEquals(10, out.getHeight());
		assertEquals(2, out.getNChannels());
		assertEquals(20, out.getNSlices());
		assertEquals(2, out.getNFrames());
		assertEquals(0.2, out.getCalibration().pixelWidth, 1e-12);
		assertEquals(0.2, out.getCalibration().pixelDepth, 1e-12);
		assertEquals("mm", out.getCalibration().getUnit());
		assertArrayEquals(before, (short[]) imp.getStack().getPixels(7), "the input is only read");
		assertEquals(5, imp.getNSlices());
		assertTrue(((String) out.getProp(ImagePlusResult.PROVENANCE)).contains("along Z 5 -> 20 slices"), out.getProp(
			ImagePlusResult.PROVENANCE));
		// a silenced residual model is PIL's bicubic: along Z it must be bicubic per voxel profile, XY untouched
		for (int t = 1; t <= 2; t++) {
			for (int c = 1; c <= 2; c++) {
				for (int i = 0; i < 120; i += 7) {
					float[] profile = new float[5];
					for (int z = 1; z <= 5; z++) profile[z - 1] = imp.getStack().getProcessor(imp.getStackIndex(c, z, t)).getf(i);
					float[] expected = Bicubic.resize(profile, 5, 1, 20, 1);
					for (int z = 1; z <= 20; z++) {
						float got = out.getStack().getProcessor(out.getStackIndex(c, z, t)).getf(i);
						float want = Math.max(0, Math.min(65535, Math.round(expected[z - 1])));
						assertEquals(want, got, 1, "c" + c + " t" + t + " z" + z + " pixel " + i);
					}
				}
			}
		}
	}

	@Test
	void xyAndZTogetherAndIsotropicFromTheCalibration() {
		ImagePlus imp = stack();
		ImagePlus both = upscale(gray, imp, TargetSize.scale(2), ZScale.factor(2.5));
		assertEquals(24, both.getWidth());
		assertEquals(20, both.getHeight());
		assertEquals(13, both.getNSlices(), "round(5 x 2.5)");
		assertEquals(0.1, both.getCalibration().pixelWidth, 1e-12);
		assertEquals(0.8 * 5 / 13, both.getCalibration().pixelDepth, 1e-12);
		// 0.8 um slices, 0.1 um pixels after x2: isotropic is 8x along Z
		ImagePlus iso = upscale(gray, imp, TargetSize.scale(2), ZScale.isotropic());
		assertEquals(40, iso.getNSlices());
		assertEquals(iso.getCalibration().pixelWidth, iso.getCalibration().pixelDepth, 1e-12);
	}

	@Test
	void rgbStacksGoAlongZThroughAGrayModelColourByColour() {
		ImagePlus imp = IJ.createImage("rgb", "RGB ramp", 9, 8, 4);
		ImagePlus out = upscale(bicubicGray, imp, TargetSize.scale(1), ZScale.factor(2));
		assertEquals(24, out.getBitDepth());
		assertEquals(8, out.getNSlices());
		// the ramp is the same in every slice: along Z it stays itself, colour by colour
		assertArrayEquals((int[]) imp.getStack().getPixels(1), (int[]) out.getStack().getPixels(5));
	}

	@Test
	void clearMessagesForImagesThatCannotGoAlongZ() {
		ImagePlus single = IJ.createImage("flat", "8-bit ramp", 9, 8, 1);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> upscale(gray, single, TargetSize.scale(1), ZScale.factor(
			2))).getMessage().contains("needs a Z-stack"));
		ImagePlus frames = IJ.createImage("movie", "8-bit ramp", 9, 8, 1, 1, 6);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> upscale(gray, frames, TargetSize.scale(1), ZScale.factor(
			2))).getMessage().contains("channels or frames"));
		ImagePlus uncalibrated = IJ.createImage("stack", "8-bit ramp", 9, 8, 4);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> upscale(gray, uncalibrated, TargetSize.scale(1), ZScale
			.isotropic())).getMessage().contains("Image > Properties"));
	}
}
