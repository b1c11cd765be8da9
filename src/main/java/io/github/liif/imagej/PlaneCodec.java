package io.github.liif.imagej;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import java.util.Arrays;

/**
 * Reads and writes the samples of ImageJ processors as floats: RGB as three colours, the others
 * as their values.
 */
final class PlaneCodec {

	private PlaneCodec() {}

	/** The float values of one channel of a processor (RGB: channel 0..2), unnormalised. */
	static float[] raw(ImageProcessor ip, int rgbChannel) {
		int n = ip.getPixelCount();
		float[] out = new float[n];
		if (ip instanceof ColorProcessor cp) {
			int[] px = (int[]) cp.getPixels();
			int shift = 16 - 8 * rgbChannel;
			for (int i = 0; i < n; i++) out[i] = (px[i] >> shift) & 0xff;
		}
		else if (ip instanceof ByteProcessor) {
			byte[] px = (byte[]) ip.getPixels();
			for (int i = 0; i < n; i++) out[i] = px[i] & 0xff;
		}
		else if (ip instanceof ShortProcessor) {
			short[] px = (short[]) ip.getPixels();
			for (int i = 0; i < n; i++) out[i] = px[i] & 0xffff;
		}
		else {
			float[] px = (float[]) ip.getPixels();
			System.arraycopy(px, 0, out, 0, n);
		}
		return out;
	}

	/** An output processor of the given ImageJ type (8, 16, 24 or 32), zero (RGB: opaque black). */
	static ImageProcessor blank(int bitDepth, int width, int height) {
		return switch (bitDepth) {
			case 8 -> new ByteProcessor(width, height);
			case 16 -> new ShortProcessor(width, height);
			case 24 -> {
				ColorProcessor cp = new ColorProcessor(width, height);
				Arrays.fill((int[]) cp.getPixels(), 0xff000000);
				yield cp;
			}
			default -> new FloatProcessor(width, height);
		};
	}

	/**
	 * Writes a block of stored samples into {@code ip}.
	 *
	 * @param colour the colour of an RGB processor (0..2); 0 for the others
	 * @param samples h * w values of the processor's type, row after row
	 */
	static void write(ImageProcessor ip, int colour, int y0, int x0, int h, int w, float[] samples) {
		int width = ip.getWidth();
		Object pixels = ip.getPixels();
		int shift = 16 - 8 * colour;
		for (int y = 0; y < h; y++) {
			int row = (y0 + y) * width + x0;
			for (int x = 0; x < w; x++) {
				float v = samples[y * w + x];
				int i = row + x;
				if (pixels instanceof byte[] b) b[i] = (byte) v;
				else if (pixels instanceof short[] sh) sh[i] = (short) v;
				else if (pixels instanceof int[] rgb) rgb[i] = rgb[i] & ~(0xff << shift) | (int) v << shift;
				else((float[]) pixels)[i] = v;
			}
		}
	}
}
