package io.github.liif.image;

/**
 * Antialiased bicubic resampling as PIL's {@code Image.resize(..., BICUBIC)} does it (the
 * reference's degradation): separable, horizontal pass first, the kernel widened by the
 * downscaling factor, weights normalised per output pixel. On 8-bit data it reproduces PIL's
 * fixed-point arithmetic, including the rounding to 8 bits between the two passes; on float
 * data it uses the same weights in floating point.
 */
public final class Bicubic {

	private static final double A = -0.5;
	private static final double SUPPORT = 2.0;
	private static final int PRECISION_BITS = 32 - 8 - 2;

	private Bicubic() {}

	/** PIL's bicubic kernel with a = -0.5. */
	static double kernel(double x) {
		x = Math.abs(x);
		if (x < 1) return ((A + 2) * x - (A + 3)) * x * x + 1;
		if (x < 2) return (((x - 5) * x + 8) * x - 4) * A;
		return 0;
	}

	/** Per output pixel: first input index and normalised weights. */
	record Coefficients(int[] start, double[][] weights) {}

	static Coefficients coefficients(int inSize, int outSize) {
		double scale = inSize / (double) outSize;
		double filterScale = Math.max(scale, 1.0);
		double support = SUPPORT * filterScale;
		int[] start = new int[outSize];
		double[][] weights = new double[outSize][];
		for (int o = 0; o < outSize; o++) {
			double center = (o + 0.5) * scale;
			int min = Math.max(0, (int) (center - support + 0.5));
			int max = Math.min(inSize, (int) (center + support + 0.5));
			double[] w = new double[Math.max(0, max - min)];
			double sum = 0;
			for (int i = 0; i < w.length; i++) {
				w[i] = kernel((i + min - center + 0.5) / filterScale);
				sum += w[i];
			}
			if (sum != 0) for (int i = 0; i < w.length; i++) w[i] /= sum;
			start[o] = min;
			weights[o] = w;
		}
		return new Coefficients(start, weights);
	}

	/** Resizes one 8-bit plane (values 0..255 in an int array) exactly as PIL does. */
	public static int[] resize8(int[] in, int inH, int inW, int outH, int outW) {
		int[] horizontal = in;
		int width = inW;
		if (outW != inW) {
			horizontal = pass8(in, inH, inW, outW, true);
			width = outW;
		}
		if (outH == inH) return horizontal;
		return pass8(horizontal, inH, width, outH, false);
	}

	private static int[] pass8(int[] in, int h, int w, int outSize, boolean alongRows) {
		Coefficients c = coefficients(alongRows ? w : h, outSize);
		int[][] fixed = new int[outSize][];
		for (int o = 0; o < outSize; o++) {
			double[] k = c.weights()[o];
			fixed[o] = new int[k.length];
			for (int i = 0; i < k.length; i++) {
				fixed[o][i] = (int) (k[i] * (1 << PRECISION_BITS) + (k[i] < 0 ? -0.5 : 0.5));
			}
		}
		int outH = alongRows ? h : outSize;
		int outW = alongRows ? outSize : w;
		int[] out = new int[outH * outW];
		for (int y = 0; y < outH; y++) {
			for (int x = 0; x < outW; x++) {
				int o = alongRows ? x : y;
				int[] k = fixed[o];
				long acc = 1 << (PRECISION_BITS - 1);
				for (int i = 0; i < k.length; i++) {
					int src = alongRows ? y * w + c.start()[o] + i : (c.start()[o] + i) * w + x;
					acc += (long) in[src] * k[i];
				}
				int v = (int) (acc >> PRECISION_BITS);
				out[y * outW + x] = Math.min(255, Math.max(0, v));
			}
		}
		return out;
	}

	/** Resizes one float plane with PIL's weights, in double precision, without clamping. */
	public static float[] resize(float[] in, int inH, int inW, int outH, int outW) {
		float[] horizontal = in;
		if (outW != inW) horizontal = pass(in, inH, inW, outW, true);
		if (outH == inH) return horizontal;
		return pass(horizontal, inH, outW, outH, false);
	}

	private static float[] pass(float[] in, int h, int w, int outSize, boolean alongRows) {
		Coefficients c = coefficients(alongRows ? w : h, outSize);
		int outH = alongRows ? h : outSize;
		int outW = alongRows ? outSize : w;
		float[] out = new float[outH * outW];
		for (int y = 0; y < outH; y++) {
			for (int x = 0; x < outW; x++) {
				int o = alongRows ? x : y;
				double[] k = c.weights()[o];
				double acc = 0;
				for (int i = 0; i < k.length; i++) {
					int src = alongRows ? y * w + c.start()[o] + i : (c.start()[o] + i) * w + x;
					acc += in[src] * k[i];
				}
				out[y * outW + x] = (float) acc;
			}
		}
		return out;
	}
}
