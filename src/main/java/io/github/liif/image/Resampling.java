package io.github.liif.image;

/** Area (box) reduction and Gaussian blur of float planes, for the microscopy degradations. */
public final class Resampling {

	private Resampling() {}

	/**
	 * Area interpolation: each output pixel is the mean of the input area it covers, with
	 * fractional weights at its edges (camera binning for integer factors).
	 */
	public static float[] area(float[] in, int inH, int inW, int outH, int outW) {
		float[] rows = areaPass(in, inH, inW, outW, true);
		return areaPass(rows, inH, outW, outH, false);
	}

	private static float[] areaPass(float[] in, int h, int w, int outSize, boolean alongRows) {
		int inSize = alongRows ? w : h;
		if (inSize == outSize) return in;
		AxisTaps taps = AxisTaps.area(inSize, outSize);
		int outH = alongRows ? h : outSize;
		int outW = alongRows ? outSize : w;
		float[] out = new float[outH * outW];
		for (int o = 0; o < outSize; o++) {
			double[] weights = taps.weights(o);
			for (int j = 0; j < weights.length; j++) {
				int i = taps.firstInput(o) + j;
				double weight = weights[j];
				if (weight <= 0) continue;
				for (int k = 0; k < (alongRows ? h : w); k++) {
					if (alongRows) out[k * outW + o] += (float) (in[k * w + i] * weight);
					else out[o * outW + k] += (float) (in[i * w + k] * weight);
				}
			}
		}
		return out;
	}

	/** The normalised Gaussian kernel of {@link #gaussian}: radius ceil(3 sigma), weights summing to 1. */
	static double[] gaussianKernel(double sigma) {
		int radius = (int) Math.ceil(3 * sigma);
		double[] k = new double[2 * radius + 1];
		double sum = 0;
		for (int i = -radius; i <= radius; i++) sum += k[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		return k;
	}

	/** Separable Gaussian blur with edge replication. */
	public static float[] gaussian(float[] in, int h, int w, double sigma) {
		if (sigma <= 0) return in.clone();
		double[] k = gaussianKernel(sigma);
		int radius = k.length / 2;
		float[] tmp = new float[in.length];
		float[] out = new float[in.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double acc = 0;
				for (int i = -radius; i <= radius; i++) acc += k[i + radius] * in[y * w + Math.min(w - 1, Math.max(0, x + i))];
				tmp[y * w + x] = (float) acc;
			}
		}
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double acc = 0;
				for (int i = -radius; i <= radius; i++) acc += k[i + radius] * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x];
				out[y * w + x] = (float) acc;
			}
		}
		return out;
	}
}
