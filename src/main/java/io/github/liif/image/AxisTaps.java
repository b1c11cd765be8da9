package io.github.liif.image;

/**
 * A linear resampling from {@code inSize} to {@code outSize} pixels along one axis, as the taps
 * of each output pixel (first input index and weights), so that single output pixels, or any
 * window of them, can be computed from any input window that holds their taps. Taps move
 * monotonically with the output pixel. Two of these resample a 2-D image separably.
 */
public final class AxisTaps {

	private final int[] first;
	private final double[][] weights;

	private AxisTaps(int[] first, double[][] weights) {
		this.first = first;
		this.weights = weights;
	}

	/** PIL's antialiased bicubic (the weights of {@link Bicubic#resize}), up or down. */
	public static AxisTaps bicubic(int inSize, int outSize) {
		Bicubic.Coefficients c = Bicubic.coefficients(inSize, outSize);
		return new AxisTaps(c.start(), c.weights());
	}

	/**
	 * Linear interpolation between pixel centres (centres aligned, edges clamped): what PIL's
	 * bilinear filter does when it enlarges, and what Fiji's Image > Scale does along Z.
	 */
	public static AxisTaps linear(int inSize, int outSize) {
		int[] first = new int[outSize];
		double[][] weights = new double[outSize][];
		for (int o = 0; o < outSize; o++) {
			double u = (o + 0.5) * inSize / outSize - 0.5;
			if (u <= 0 || inSize == 1) {
				weights[o] = new double[]{ 1 };
			}
			else if (u >= inSize - 1) {
				first[o] = inSize - 1;
				weights[o] = new double[]{ 1 };
			}
			else {
				first[o] = (int) Math.floor(u);
				double f = u - first[o];
				weights[o] = new double[]{ 1 - f, f };
			}
		}
		return new AxisTaps(first, weights);
	}

	/** The identity: each output pixel is its input pixel. */
	public static AxisTaps identity(int size) {
		int[] first = new int[size];
		double[][] weights = new double[size][];
		for (int o = 0; o < size; o++) {
			first[o] = o;
			weights[o] = new double[]{ 1 };
		}
		return new AxisTaps(first, weights);
	}

	/** Area reduction (the weights of {@link Resampling#area}): each output pixel is the mean of the input it covers. */
	public static AxisTaps area(int inSize, int outSize) {
		double scale = inSize / (double) outSize;
		int[] first = new int[outSize];
		double[][] weights = new double[outSize][];
		for (int o = 0; o < outSize; o++) {
			double start = o * scale;
			double end = Math.min(inSize, (o + 1) * scale);
			first[o] = (int) start;
			weights[o] = new double[(int) Math.ceil(end) - first[o]];
			for (int i = first[o]; i < end; i++)
				weights[o][i - first[o]] = Math.max(0, Math.min(end, i + 1) - Math.max(start, i)) / scale;
		}
		return new AxisTaps(first, weights);
	}

	/**
	 * A Gaussian blur of {@code sigma} input pixels with edge replication (that of
	 * {@link Resampling#gaussian}), then area reduction: the blur-noise degradation without its noise.
	 */
	public static AxisTaps blurredArea(int inSize, int outSize, double sigma) {
		return blurred(area(inSize, outSize), inSize, sigma);
	}

	/**
	 * A Gaussian blur of {@code sigma} input pixels with edge replication (that of
	 * {@link Resampling#gaussian}), then {@code reduction} (taps over {@code inSize} inputs).
	 */
	public static AxisTaps blurred(AxisTaps reduction, int inSize, double sigma) {
		if (sigma <= 0) return reduction;
		double[] g = Resampling.gaussianKernel(sigma);
		int radius = g.length / 2;
		int outSize = reduction.first.length;
		int[] first = new int[outSize];
		double[][] weights = new double[outSize][];
		for (int o = 0; o < outSize; o++) {
			int lo = Math.max(0, reduction.first[o] - radius);
			int hi = Math.min(inSize - 1, reduction.first[o] + reduction.weights[o].length - 1 + radius);
			double[] w = new double[hi - lo + 1];
			for (int i = 0; i < reduction.weights[o].length; i++) {
				for (int t = -radius; t <= radius; t++) {
					int k = Math.min(inSize - 1, Math.max(0, reduction.first[o] + i + t));
					w[k - lo] += reduction.weights[o][i] * g[t + radius];
				}
			}
			first[o] = lo;
			weights[o] = w;
		}
		return new AxisTaps(first, weights);
	}

	/** The weights of output pixel {@code o}, from its first input on (package-internal: not to be changed). */
	double[] weights(int o) {
		return weights[o];
	}

	/** First input index that output pixels from {@code from} on read. */
	public int firstInput(int from) {
		return first[from];
	}

	/** One past the last input index that output pixels before {@code to} read. */
	public int endInput(int to) {
		return first[to - 1] + weights[to - 1].length;
	}

	/**
	 * Samples channel planes at output pixel (y, x) into {@code dst[offset + c]}.
	 *
	 * @param planes channel-major planes of a window of the input: {@code windowH x windowW} pixels
	 *          whose top-left pixel is input pixel (windowY, windowX); it must hold the pixel's taps
	 */
	public static void sample(AxisTaps rows, AxisTaps cols, float[] planes, int channels, int windowY, int windowX, int windowH,
		int windowW, int y, int x, float[] dst, int offset)
	{
		double[] wy = rows.weights[y];
		double[] wx = cols.weights[x];
		int y0 = rows.first[y] - windowY;
		int x0 = cols.first[x] - windowX;
		for (int c = 0; c < channels; c++) {
			int plane = c * windowH * windowW;
			double acc = 0;
			for (int i = 0; i < wy.length; i++) {
				int row = plane + (y0 + i) * windowW + x0;
				double line = 0;
				for (int j = 0; j < wx.length; j++) line += planes[row + j] * wx[j];
				acc += line * wy[i];
			}
			dst[offset + c] = (float) acc;
		}
	}

	/**
	 * Resamples one plane window separably: input window {@code in} (inH x inW pixels, top-left at
	 * input pixel (inY, inX)) to output pixels [outY, outY + outH) x [outX, outX + outW), whose taps
	 * it must hold; rows first, then columns, in double precision.
	 */
	public static float[] resample(AxisTaps rows, AxisTaps cols, float[] in, int inY, int inX, int inH, int inW, int outY,
		int outX, int outH, int outW)
	{
		double[] horizontal = new double[inH * outW];
		for (int y = 0; y < inH; y++) {
			for (int x = 0; x < outW; x++) {
				double[] w = cols.weights[outX + x];
				int start = y * inW + cols.first[outX + x] - inX;
				double acc = 0;
				for (int j = 0; j < w.length; j++) acc += in[start + j] * w[j];
				horizontal[y * outW + x] = acc;
			}
		}
		float[] out = new float[outH * outW];
		for (int y = 0; y < outH; y++) {
			double[] w = rows.weights[outY + y];
			int start = rows.first[outY + y] - inY;
			for (int x = 0; x < outW; x++) {
				double acc = 0;
				for (int i = 0; i < w.length; i++) acc += horizontal[(start + i) * outW + x] * w[i];
				out[y * outW + x] = (float) acc;
			}
		}
		return out;
	}
}
