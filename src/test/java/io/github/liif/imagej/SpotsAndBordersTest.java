package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.liif.app.UpscaleRequest;
import io.github.liif.image.Bicubic;
import io.github.liif.image.Resampling;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.runtime.DeviceChoice;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What users count and measure survives an upscale with each bundled model, with and without
 * the consistency step: around a spot (one pixel, 2 x 2, Gaussians of several sizes and
 * brightness, on a flat and on a textured background, 8 and 16-bit) the result never dips below
 * the local background (the lowest input value in the 5 x 5 neighbourhood: on a flat background
 * the spot's, on a textured one the neighbourhood of each result pixel's nearest input pixel)
 * deeper than bicubic interpolation does; and a constant image (8/16-bit, RGB: exactly; 32-bit: within 1e-4)
 * stays constant everywhere, edges included, at square and non-square scales.
 */
class SpotsAndBordersTest {

	private static final int SIDE = 40;
	/** Spot centres on the LR grid, far enough apart that their 5 x 5 neighbourhoods do not overlap. */
	private static final int[][] CENTRES = { { 8, 8 }, { 8, 24 }, { 24, 8 }, { 24, 24 }, { 16, 33 } };

	private static UpscaleRequest request(String model, double scaleX, double scaleY, String consistency) {
		return UpscaleRequest.builder(TargetSize.scales(scaleX, scaleY)).model(model).device(DeviceChoice.CPU).consistency(
			Consistency.parse(consistency)).build();
	}

	/** Spots of each kind on a background, as float values of the image's range. */
	private static float[] spots(double background, double texture, double unit, long seed) {
		Random r = new Random(seed);
		float[] img = new float[SIDE * SIDE];
		if (texture > 0) {
			float[] noise = new float[img.length];
			for (int i = 0; i < noise.length; i++) noise[i] = (float) (r.nextGaussian() * texture);
			img = Resampling.gaussian(noise, SIDE, SIDE, 1.5);
		}
		for (int i = 0; i < img.length; i++) img[i] += (float) background;
		add(img, CENTRES[0], 0, 230 * unit); // one pixel, bright
		add(img, CENTRES[1], 0, 100 * unit); // one pixel, dim
		add(img, CENTRES[2], -1, 180 * unit); // 2 x 2
		add(img, CENTRES[3], 1.0, 200 * unit); // Gaussian, sigma 1
		add(img, CENTRES[4], 0.6, 150 * unit); // Gaussian, sigma 0.6
		return img;
	}

	/** sigma 0: one pixel; -1: a 2 x 2 block; else a Gaussian of that sigma and peak. */
	private static void add(float[] img, int[] centre, double sigma, double peak) {
		for (int y = centre[0] - 3; y <= centre[0] + 3; y++) {
			for (int x = centre[1] - 3; x <= centre[1] + 3; x++) {
				int dy = y - centre[0];
				int dx = x - centre[1];
				double v = sigma == 0 ? (dy == 0 && dx == 0 ? 1 : 0) : sigma < 0 ? (dy >= 0 && dy < 2 && dx >= 0 && dx < 2 ? 1
					: 0) : Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
				img[y * SIDE + x] += (float) (peak * v);
			}
		}
	}

	private static ImagePlus image(float[] values, int bitDepth) {
		ImageProcessor ip = bitDepth == 8 ? new ByteProcessor(SIDE, SIDE) : new ShortProcessor(SIDE, SIDE);
		int max = bitDepth == 8 ? 255 : 65535;
		for (int i = 0; i < values.length; i++) ip.set(i, Math.max(0, Math.min(max, Math.round(values[i]))));
		return new ImagePlus("spots", ip);
	}

	@ParameterizedTest(name = "{0} model, {1}-bit, texture {2}, consistency {3}")
	@CsvSource({ "microscopy, 8, 0, auto", "microscopy, 8, 6, auto", "microscopy, 8, 0, off", "microscopy, 8, 6, off",
		"microscopy, 16, 0, auto", "microscopy, 16, 400, off", "natural, 8, 0, auto", "natural, 8, 6, off" })
	void spotsRingNoDeeperThanBicubic(String model, int bitDepth, double texture, String consistency) throws Exception {
		double unit = bitDepth == 8 ? 1 : 20;
		ImagePlus lr = image(spots(bitDepth == 8 ? 20 : 1000, texture, unit, 7), bitDepth);
		List<String> problems = new ArrayList<>();
		for (double scale : new double[]{ 2, 3.7 }) {
			ImagePlus up = ImageJUpscale.run(lr, request(model, scale, scale, consistency), Monitor.NONE);
			int outW = up.getWidth();
			int outH = up.getHeight();
			float[] bicubic = Bicubic.resize((float[]) lr.getProcessor().convertToFloatProcessor().getPixels(), SIDE, SIDE, outH,
				outW);
			for (int[] c : CENTRES) {
				// per result pixel: its local background is the lowest input value in the 5 x 5 neighbourhood of
				// its nearest input pixel (on a flat background: the spot's); it may dip below that only as far as bicubic does
				double worst = 0;
				String where = "";
				for (int y = (int) Math.ceil((c[0] - 2) * scale); y < (c[0] + 3) * scale; y++) {
					for (int x = (int) Math.ceil((c[1] - 2) * scale); x < (c[1] + 3) * scale; x++) {
						int ny = Math.min(SIDE - 1, (int) (y / scale));
						int nx = Math.min(SIDE - 1, (int) (x / scale));
						double background = Double.POSITIVE_INFINITY;
						for (int v = ny - 2; v <= ny + 2; v++) {
							for (int u = nx - 2; u <= nx + 2; u++) background = Math.min(background, lr.getProcessor().get(u, v));
						}
						double allowed = Math.min(background, Math.round(bicubic[y * outW + x]));
						double below = allowed - up.getProcessor().get(x, y);
						if (below > worst) {
							worst = below;
							where = String.format(Locale.ROOT, "%d at (%d, %d), background %.0f, bicubic %d", up.getProcessor()
								.get(x, y), x, y, background, Math.round(bicubic[y * outW + x]));
						}
					}
				}
				if (worst > 0) {
					problems.add(String.format(Locale.ROOT, "x%.1f spot at %d,%d: %s", scale, c[1], c[0], where));
				}
			}
		}
		assertTrue(problems.isEmpty(), String.join("; ", problems));
	}

	@ParameterizedTest(name = "{0} model, consistency {1}")
	@CsvSource({ "microscopy, auto", "microscopy, off", "natural, auto", "natural, off" })
	void constantImagesStayConstantToTheirEdges(String model, String consistency) throws Exception {
		List<ImagePlus> constants = new ArrayList<>();
		for (int v : new int[]{ 255, 0, 77 }) {
			ByteProcessor bp = new ByteProcessor(31, 23);
			bp.setValue(v);
			bp.fill();
			constants.add(new ImagePlus("8-bit " + v, bp));
		}
		ColorProcessor cp = new ColorProcessor(31, 23);
		cp.setColor(new Color(10, 200, 90));
		cp.fill();
		constants.add(new ImagePlus("RGB", cp));
		ImageStack stack = new ImageStack(31, 23);
		ShortProcessor varying = new ShortProcessor(31, 23);
		for (int i = 0; i < 31 * 23; i++) varying.set(i, 1000 + 37 * i % 4000);
		ShortProcessor flat = new ShortProcessor(31, 23);
		flat.setValue(3000);
		flat.fill();
		stack.addSlice(varying);
		stack.addSlice(flat);
		constants.add(new ImagePlus("16-bit stack, second page 3000", stack));
		FloatProcessor fp = new FloatProcessor(31, 23);
		fp.setValue(0.37);
		fp.fill();
		constants.add(new ImagePlus("32-bit", fp));
		List<String> problems = new ArrayList<>();
		for (double[] scale : new double[][]{ { 2, 2 }, { 3.7, 3.7 }, { 1.5, 2.5 } }) {
			for (ImagePlus imp : constants) {
				ImagePlus up = ImageJUpscale.run(imp, request(model, scale[0], scale[1], consistency), Monitor.NONE);
				ImageProcessor in = imp.getStack().getProcessor(imp.getStackSize());
				ImageProcessor out = up.getStack().getProcessor(up.getStackSize());
				double tolerance = imp.getBitDepth() == 32 ? 1e-4 : 0;
				int wrong = 0;
				double worst = 0;
				for (int i = 0; i < out.getPixelCount(); i++) {
					double d = imp.getBitDepth() == 24 ? (out.get(i) & 0xffffff) == (in.get(0) & 0xffffff) ? 0 : 1 : Math.abs(out
						.getf(i) - in.getf(0));
					if (d > tolerance) wrong++;
					worst = Math.max(worst, d);
				}
				if (wrong > 0) {
					problems.add(String.format(Locale.ROOT, "%s x%.1f/%.1f: %d pixels off, by up to %.4g", imp.getTitle(),
						scale[0], scale[1], wrong, worst));
				}
			}
		}
		assertEquals(List.of(), problems);
	}
}
