package io.github.liif.imagej;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.normalize.SampleEncoding;
import java.util.Arrays;

/**
 * Converts between ImageJ processors and the network's [0, 1] float planes. RGB splits into
 * three planes; 8-bit and RGB divide by 255; 16- and 32-bit use a given intensity range.
 * Non-finite inputs become 0 in network space (documented: NaN/Inf would otherwise spread over
 * the receptive field). Outputs are rounded and clamped to the target type.
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

	/** Maps raw values to network space in place. */
	static float[] normalise(float[] raw, IntensityRange range) {
		for (int i = 0; i < raw.length; i++) raw[i] = Float.isFinite(raw[i]) ? range.toUnit(raw[i]) : 0f;
		return raw;
	}

	/**
	 * Builds an output processor of the given ImageJ type from network-space planes.
	 *
	 * @param bitDepth 8, 16, 24 (RGB: planes 0..2 are R, G, B) or 32
	 */
	static ImageProcessor encode(int bitDepth, int width, int height, float[][] planes, IntensityRange range) {
		ImageProcessor ip = blank(bitDepth, width, height);
		for (int c = 0; c < planes.length; c++) write(ip, c, 0, 0, height, width, planes[c], range);
		return ip;
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
	 * Writes a block of network-space values into {@code ip}, rounded and clamped to its type.
	 *
	 * @param channel the colour of an RGB processor (0..2); 0 for the others
	 * @param values h * w values, row after row
	 */
	static void write(ImageProcessor ip, int channel, int y0, int x0, int h, int w, float[] values, IntensityRange range) {
		int width = ip.getWidth();
		Object pixels = ip.getPixels();
		int bits = pixels instanceof short[] ? 16 : pixels instanceof float[] ? 32 : 8;
		int shift = 16 - 8 * channel;
		for (int y = 0; y < h; y++) {
			int row = (y0 + y) * width + x0;
			for (int x = 0; x < w; x++) {
				double v = SampleEncoding.encode(values[y * w + x], range, bits);
				int i = row + x;
				if (pixels instanceof byte[] b) b[i] = (byte) v;
				else if (pixels instanceof short[] sh) sh[i] = (short) v;
				else if (pixels instanceof int[] rgb) rgb[i] = rgb[i] & ~(0xff << shift) | (int) v << shift;
				else((float[]) pixels)[i] = (float) v;
			}
		}
	}
}
