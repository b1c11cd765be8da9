package io.github.liif.image;

/**
 * PIL's bicubic resampling from {@code inSize} to {@code outSize} pixels along one axis, as the
 * taps of each output pixel (first input index and weights: those of {@link Bicubic#resize}), so
 * that single output pixels can be sampled from any input window holding their taps. Two of these
 * sample a 2-D image at any output pixel (the global residual's base, query by query).
 */
public final class BicubicTaps {

	private final int[] first;
	private final double[][] weights;

	public BicubicTaps(int inSize, int outSize) {
		Bicubic.Coefficients c = Bicubic.coefficients(inSize, outSize);
		this.first = c.start();
		this.weights = c.weights();
	}

	/** First input index that output pixels from {@code from} on read (taps move monotonically with the output). */
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
	public static void sample(BicubicTaps rows, BicubicTaps cols, float[] planes, int channels, int windowY, int windowX,
		int windowH, int windowW, int y, int x, float[] dst, int offset)
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
}
