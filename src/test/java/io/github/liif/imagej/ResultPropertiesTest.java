package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.Calibration;
import io.github.liif.TinyModels;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.inference.ZScale;
import io.github.liif.network.LiifNetwork;
import java.nio.file.Path;
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
}
