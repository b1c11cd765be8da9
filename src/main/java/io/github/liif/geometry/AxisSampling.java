package io.github.liif.geometry;

/**
 * The reference's query geometry along one axis, in float32 and in the reference's order of
 * operations: output pixel centres in [-1, 1], the nearest latent for each ensemble shift
 * (+-half an LR pixel plus 1e-6, clamped), and the relative coordinate to that latent in
 * units of half an LR pixel. Rows and columns are independent, so a 2-D query grid is the
 * product of two of these.
 */
public final class AxisSampling {

	private static final float CLAMP_LOW = (float) (-1 + 1e-6);
	private static final float CLAMP_HIGH = (float) (1 - 1e-6);

	private final int outSize;
	private final int latentSize;
	private final int[][] latentIndex;
	private final float[][] relative;
	private final float cell;

	/**
	 * @param outSize output pixels along the axis (h or w)
	 * @param latentSize LR pixels along the axis (H or W)
	 * @param ensemble whether the four-latent local ensemble is used (two shifts per axis)
	 */
	public AxisSampling(int outSize, int latentSize, boolean ensemble) {
		if (outSize < 1 || latentSize < 1) throw new IllegalArgumentException("sizes must be positive");
		this.outSize = outSize;
		this.latentSize = latentSize;
		float[] query = centres(outSize);
		float[] latent = centres(latentSize);
		double[] shifts = ensemble ? new double[]{ -1, 1 } : new double[]{ 0 };
		double eps = ensemble ? 1e-6 : 0;
		double radius = 2.0 / latentSize / 2;
		float scale = latentSize / 2f;
		latentIndex = new int[shifts.length][outSize];
		relative = new float[shifts.length][outSize];
		for (int s = 0; s < shifts.length; s++) {
			float shift = (float) (shifts[s] * radius + eps);
			for (int i = 0; i < outSize; i++) {
				float moved = Math.min(Math.max(query[i] + shift, CLAMP_LOW), CLAMP_HIGH);
				// grid_sample, nearest, align_corners=False: ((x + 1) * size/2) - 0.5, round half even
				int index = (int) Math.rint((moved + 1f) * scale - 0.5f);
				index = Math.min(Math.max(index, 0), latentSize - 1);
				latentIndex[s][i] = index;
				relative[s][i] = (query[i] - latent[index]) * latentSize;
			}
		}
		cell = (float) (2.0 / outSize) * latentSize;
	}

	/**
	 * Pixel centres of n pixels spanning [-1, 1], computed as the reference's make_coord:
	 * {@code (-1 + r) + (2r) * i} with r = 1 / n, in float32.
	 */
	public static float[] centres(int n) {
		double r = 2.0 / (2.0 * n);
		float first = (float) (-1 + r);
		float step = (float) (2 * r);
		float[] c = new float[n];
		for (int i = 0; i < n; i++) c[i] = first + step * i;
		return c;
	}

	public int outSize() {
		return outSize;
	}

	public int latentSize() {
		return latentSize;
	}

	/** 2 with the local ensemble (shift -1, +1), else 1. */
	public int shifts() {
		return latentIndex.length;
	}

	public int latentIndex(int shift, int i) {
		return latentIndex[shift][i];
	}

	public float relative(int shift, int i) {
		return relative[shift][i];
	}

	/** The query cell along this axis in the decoder's units: (2 / out) * latentSize. */
	public float cell() {
		return cell;
	}

	/** Smallest latent index any query in [from, to) uses. */
	public int minLatent(int from, int to) {
		int min = Integer.MAX_VALUE;
		for (int[] row : latentIndex) min = Math.min(min, row[from]);
		return min;
	}

	/** Largest latent index any query in [from, to) uses. */
	public int maxLatent(int from, int to) {
		int max = Integer.MIN_VALUE;
		for (int[] row : latentIndex) max = Math.max(max, row[to - 1]);
		return max;
	}
}
