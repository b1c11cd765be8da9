package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.liif.app.UpscaleRequest;
import io.github.liif.image.Bicubic;
import io.github.liif.image.Resampling;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.runtime.DeviceChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An upscaler may add detail, never shift colours or intensities: smooth fields of saturated
 * colour (where the bundled natural model once cast R +3.3 / G -5.8 levels), and a 16-bit gray
 * field, reduced by PIL's bicubic and upscaled back with each bundled model and the default
 * options, keep every channel's mean within 0.5 level of the original's.
 */
class FidelityTest {

	private static final int SIZE = 120;
	/** Lime leaf, magenta, teal, yellow, red, blue: the first four are those the natural model shifted. */
	private static final int[][] COLOURS = { { 85, 167, 13 }, { 190, 20, 170 }, { 10, 140, 130 }, { 225, 200, 20 }, { 200, 30,
		30 }, { 30, 40, 200 } };

	/** Gaussian-filtered noise around a level: a smooth field with some texture. */
	private static float[] field(double level, double amplitude, long seed) {
		Random r = new Random(seed);
		float[] noise = new float[SIZE * SIZE];
		for (int i = 0; i < noise.length; i++) noise[i] = (float) (r.nextGaussian() * amplitude);
		float[] smooth = Resampling.gaussian(noise, SIZE, SIZE, 3);
		for (int i = 0; i < smooth.length; i++) smooth[i] += (float) level;
		return smooth;
	}

	private static ImagePlus colourField(int[] rgb, long seed) {
		int[][] channels = new int[3][];
		for (int c = 0; c < 3; c++) {
			float[] f = field(rgb[c], 40, seed * 3 + c);
			channels[c] = new int[f.length];
			for (int i = 0; i < f.length; i++) channels[c][i] = Math.max(0, Math.min(255, Math.round(f[i])));
		}
		ColorProcessor cp = new ColorProcessor(SIZE, SIZE);
		for (int i = 0; i < SIZE * SIZE; i++) cp.set(i, channels[0][i] << 16 | channels[1][i] << 8 | channels[2][i]);
		return new ImagePlus("field", cp);
	}

	private static ImagePlus grayField16() {
		float[] f = field(21000, 2500, 99);
		ShortProcessor sp = new ShortProcessor(SIZE, SIZE);
		for (int i = 0; i < f.length; i++) sp.set(i, Math.max(0, Math.min(65535, Math.round(f[i]))));
		return new ImagePlus("gray16", sp);
	}

	/** PIL's bicubic reduction, channel by channel (8-bit in PIL's arithmetic, 16-bit in float then rounded). */
	private static ImagePlus reduced(ImagePlus hr, int lrSize) {
		ImageProcessor ip = hr.getProcessor();
		if (ip instanceof ColorProcessor cp) {
			ColorProcessor out = new ColorProcessor(lrSize, lrSize);
			int[][] lr = new int[3][];
			for (int c = 0; c < 3; c++) {
				int[] in = new int[SIZE * SIZE];
				for (int i = 0; i < in.length; i++) in[i] = cp.get(i) >> (16 - 8 * c) & 0xff;
				lr[c] = Bicubic.resize8(in, SIZE, SIZE, lrSize, lrSize);
			}
			for (int i = 0; i < lrSize * lrSize; i++) out.set(i, lr[0][i] << 16 | lr[1][i] << 8 | lr[2][i]);
			return new ImagePlus("lr", out);
		}
		float[] in = (float[]) ip.convertToFloatProcessor().getPixels();
		float[] lr = Bicubic.resize(in, SIZE, SIZE, lrSize, lrSize);
		ShortProcessor out = new ShortProcessor(lrSize, lrSize);
		for (int i = 0; i < lr.length; i++) out.set(i, Math.max(0, Math.min(65535, Math.round(lr[i]))));
		return new ImagePlus("lr", out);
	}

	/** Per channel, mean of the upscaled result minus mean of the original, border of {@code shave} left out. */
	private static double[] bias(ImagePlus result, ImagePlus original, int shave) {
		int channels = original.getBitDepth() == 24 ? 3 : 1;
		double[] bias = new double[channels];
		for (int c = 0; c < channels; c++) {
			double sum = 0;
			long n = 0;
			for (int y = shave; y < SIZE - shave; y++) {
				for (int x = shave; x < SIZE - shave; x++) {
					sum += value(result.getProcessor(), x, y, c) - value(original.getProcessor(), x, y, c);
					n++;
				}
			}
			bias[c] = sum / n;
		}
		return bias;
	}

	private static int value(ImageProcessor ip, int x, int y, int c) {
		return ip instanceof ColorProcessor cp ? cp.get(x, y) >> (16 - 8 * c) & 0xff : ip.get(x, y);
	}

	@ParameterizedTest(name = "{0} model at x{1}")
	@CsvSource({ "natural, 2", "natural, 3", "microscopy, 2", "microscopy, 3" })
	void smoothSaturatedFieldsKeepTheirMeanPerChannel(String model, int scale) throws Exception {
		List<String> problems = new ArrayList<>();
		UpscaleRequest request = UpscaleRequest.builder(TargetSize.scale(scale)).model(model).device(DeviceChoice.CPU)
			.consistency(Consistency.parse(System.getProperty("fidelity.consistency", Consistency.DEFAULT_ID))).build();
		for (int k = 0; k < COLOURS.length; k++) {
			ImagePlus hr = colourField(COLOURS[k], k);
			ImagePlus up = ImageJUpscale.run(reduced(hr, SIZE / scale), request, Monitor.NONE);
			double[] b = bias(up, hr, scale);
			for (int c = 0; c < 3; c++) {
				if (Math.abs(b[c]) > 0.5) {
					problems.add(String.format(Locale.ROOT, "(%d, %d, %d) channel %s %+.2f levels", COLOURS[k][0], COLOURS[k][1],
						COLOURS[k][2], "RGB".charAt(c), b[c]));
				}
			}
		}
		ImagePlus gray = grayField16();
		double g = bias(ImageJUpscale.run(reduced(gray, SIZE / scale), request, Monitor.NONE), gray, scale)[0];
		// 16-bit: half a level of the 8-bit scale the colour fields are measured on (128 of 65536)
		if (Math.abs(g) > 0.5 * 257) problems.add(String.format(Locale.ROOT, "16-bit gray %+.1f levels", g));
		assertTrue(problems.isEmpty(), model + " x" + scale + " shifts: " + String.join("; ", problems));
	}
}
