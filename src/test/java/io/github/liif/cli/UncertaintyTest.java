package io.github.liif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ShortProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liif upscale --uncertainty FILE}: a 32-bit TIFF of the result's size and calibration, in
 * the image's own units, ~0 on flat ground and larger at an edge; one input only, never over
 * another file.
 */
class UncertaintyTest {

	@TempDir
	Path dir;

	@Test
	void theUncertaintyIsA32BitMapOfTheResultThatIsLargeAtEdgesAndSmallOnFlatGround() {
		ShortProcessor sp = new ShortProcessor(40, 40);
		for (int i = 0; i < 1600; i++) sp.set(i, i % 40 < 20 ? 1000 : 4000);
		sp.set(5, 5, 200);
		ImagePlus imp = new ImagePlus("halves", sp);
		imp.getCalibration().pixelWidth = 0.2;
		imp.getCalibration().pixelHeight = 0.2;
		imp.getCalibration().setUnit("um");
		Path in = dir.resolve("halves.tif");
		new FileSaver(imp).saveAsTiff(in.toString());
		LiifCliTest.Run r = LiifCliTest.liif("upscale", "--model", "microscopy", "--scale", "3", "--uncertainty", dir.resolve(
			"u.tif").toString(), in.toString(), "-o", dir.resolve("out.tif").toString());
		assertEquals(0, r.exit(), r.err());
		ImagePlus u = IJ.openImage(dir.resolve("u.tif").toString());
		ImagePlus out = IJ.openImage(dir.resolve("out.tif").toString());
		assertEquals(32, u.getBitDepth());
		assertEquals(out.getWidth(), u.getWidth());
		assertEquals(out.getHeight(), u.getHeight());
		assertEquals(out.getCalibration().pixelWidth, u.getCalibration().pixelWidth, 1e-12);
		assertEquals(out.getCalibration().getUnit(), u.getCalibration().getUnit());
		double flat = 0;
		double edge = 0;
		for (int y = 40; y < 80; y++) {
			flat = Math.max(flat, u.getProcessor().getf(90, y));
			edge = Math.max(edge, u.getProcessor().getf(60, y));
		}
		// in the image's own units: the step is 3000 levels high
		assertTrue(edge > 10 && edge > 10 * flat, "edge " + edge + " vs flat " + flat);
	}

	@Test
	void itGoesWithOneInputAndAFileOfItsOwn() throws Exception {
		Path a = dir.resolve("a.png");
		Path b = dir.resolve("b.png");
		new FileSaver(IJ.createImage("a", "8-bit ramp", 20, 20, 1)).saveAsPng(a.toString());
		Files.copy(a, b);
		LiifCliTest.Run two = LiifCliTest.liif("upscale", "--scale", "2", "--uncertainty", dir.resolve("u.tif").toString(), a
			.toString(), b.toString(), "-o", dir.resolve("out").toString());
		assertEquals(2, two.exit());
		assertEquals("liif: error: --uncertainty goes with one input image, not 2: upscale them one by one\n", two.err());
		LiifCliTest.Run same = LiifCliTest.liif("upscale", "--scale", "2", "--uncertainty", dir.resolve("o.png").toString(), a
			.toString(), "-o", dir.resolve("o.png").toString());
		assertEquals(2, same.exit());
		assertTrue(same.err().contains("--uncertainty needs a file of its own"), same.err());
		assertFalse(Files.exists(dir.resolve("o.png")));
		assertFalse(Files.exists(dir.resolve("out")));
	}
}
