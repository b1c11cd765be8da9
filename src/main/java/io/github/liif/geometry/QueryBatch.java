package io.github.liif.geometry;

/**
 * The decoder inputs for N queries, laid out shift-major: entry {@code t * N + q} is query q
 * with ensemble shift t = sy * 2 + sx (row shift outer, as the reference loops). Holds, per
 * entry, the latent's row in a latent table, the relative coordinate (and cell), and the
 * bilinear ensemble weight; per query, for a model with a global residual, the smooth base the
 * decoder's output is added to (in the image's [0, 1] space).
 */
public final class QueryBatch {

	private final int shifts;
	private final boolean cell;
	private final int queries;
	private final long[] latentRows;
	private final float[] coords;
	private final float[] weights;
	private final float[] areas;
	private final float[] base;

	/**
	 * @param queries N
	 * @param ensemble whether the four-latent local ensemble is used
	 * @param cell whether the decoder takes the cell
	 * @param baseChannels channels of the residual base per query, 0 for a model without one
	 */
	public QueryBatch(int queries, boolean ensemble, boolean cell, int baseChannels) {
		this.shifts = ensemble ? 4 : 1;
		this.cell = cell;
		this.queries = queries;
		int n = queries * shifts;
		this.latentRows = new long[n];
		this.coords = new float[n * coordWidth()];
		this.weights = new float[n];
		this.areas = new float[shifts];
		this.base = new float[queries * baseChannels];
	}

	public int shiftsPerQuery() {
		return shifts;
	}

	public int coordWidth() {
		return cell ? 4 : 2;
	}

	public int queries() {
		return queries;
	}

	/**
	 * Sets query q to output pixel (y, x) of the grid described by {@code rows} x {@code cols},
	 * whose latents are rows {@code base + (iy - cropY) * cropW + (ix - cropX)} of the table.
	 */
	public void put(int q, AxisSampling rows, AxisSampling cols, int y, int x, long base, int cropY, int cropX, int cropW) {
		int cw = coordWidth();
		float total = 0;
		for (int sy = 0; sy < rows.shifts(); sy++) {
			for (int sx = 0; sx < cols.shifts(); sx++) {
				int t = sy * cols.shifts() + sx;
				int e = t * queries + q;
				float relY = rows.relative(sy, y);
				float relX = cols.relative(sx, x);
				latentRows[e] = base + (long) (rows.latentIndex(sy, y) - cropY) * cropW + (cols.latentIndex(sx, x) - cropX);
				coords[e * cw] = relY;
				coords[e * cw + 1] = relX;
				if (cell) {
					coords[e * cw + 2] = rows.cell();
					coords[e * cw + 3] = cols.cell();
				}
				areas[t] = Math.abs(relY * relX) + 1e-9f;
				total += areas[t];
			}
		}
		// bilinear blending: each prediction is weighted by the diagonally opposite area
		for (int t = 0; t < shifts; t++) weights[t * queries + q] = areas[shifts - 1 - t] / total;
	}

	public long[] latentRows() {
		return latentRows;
	}

	public float[] coords() {
		return coords;
	}

	public float[] weights() {
		return weights;
	}

	/** (N, baseChannels) row-major: the residual base of each query, to be filled by the caller. */
	public float[] base() {
		return base;
	}
}
