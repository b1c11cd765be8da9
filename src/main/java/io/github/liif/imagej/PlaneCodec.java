package io.github.liif.imagej;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.normalize.SampleEncoding;

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
		int n = width * height;
		switch (bitDepth) {
			case 8 -> {
				byte[] px = new byte[n];
				for (int i = 0; i < n; i++) px[i] = (byte) SampleEncoding.clampRound(range.fromUnit(planes[0][i]), 255);
				return new ByteProcessor(width, height, px);
			}
			case 16 -> {
				short[] px = new short[n];
				for (int i = 0; i < n; i++) px[i] = (short) SampleEncoding.clampRound(range.fromUnit(planes[0][i]), 65535);
				return new ShortProcessor(width, height, px, null);
			}
			case 24 -> {
				int[] px = new int[n];
				for (int i = 0; i < n; i++) {
					int r = SampleEncoding.clampRound(range.fromUnit(planes[0][i]), 255);
					int g = SampleEncoding.clampRound(range.fromUnit(planes[1][i]), 255);
					int b = SampleEncoding.clampRound(range.fromUnit(planes[2][i]), 255);
					px[i] = 0xff000000 | r << 16 | g << 8 | b;
				}
				return new ColorProcessor(width, height, px);
			}
			default -> {
				float[] px = new float[n];
				for (int i = 0; i < n; i++) px[i] = (float) range.fromUnit(planes[0][i]);
				return new FloatProcessor(width, height, px);
			}
		}
	}
}
