package io.github.liif.inference;

/**
 * The decoder inputs for a block of output pixels, laid out shift-major: entry
 * {@code t * Q + q} is query q with ensemble shift t = sy * 2 + sx (row shift outer, as the
 * reference loops). Buffers are reused between batches of a tile.
 */
final class QueryBatch {

	private final AxisSampling rows;
	private final AxisSampling cols;
	private final boolean cell;
	private int queries;
	private long[] latentRows = new long[0];
	private float[] coords = new float[0];
	private float[] weights = new float[0];

	QueryBatch(AxisSampling rows, AxisSampling cols, boolean cell) {
		this.rows = rows;
		this.cols = cols;
		this.cell = cell;
	}

	int shiftsPerQuery() {
		return rows.shifts() * cols.shifts();
	}

	int coordWidth() {
		return cell ? 4 : 2;
	}

	int queries() {
		return queries;
	}

	/**
	 * Fills the inputs for output rows [y0, y0+h) x columns [x0, x0+w), with latent rows
	 * relative to an LR crop starting at (cropY, cropX) of width cropW.
	 */
	void fill(int y0, int h, int x0, int w, int cropY, int cropX, int cropW) {
		queries = h * w;
		int shifts = shiftsPerQuery();
		int n = queries * shifts;
		int cw = coordWidth();
		if (latentRows.length != n) {
			latentRows = new long[n];
			coords = new float[n * cw];
			weights = new float[n];
		}
		float[] areas = new float[shifts];
		float cellY = rows.cell();
		float cellX = cols.cell();
		int q = 0;
		for (int y = y0; y < y0 + h; y++) {
			for (int x = x0; x < x0 + w; x++, q++) {
				float total = 0;
				for (int sy = 0; sy < rows.shifts(); sy++) {
					for (int sx = 0; sx < cols.shifts(); sx++) {
						int t = sy * cols.shifts() + sx;
						int e = t * queries + q;
						float relY = rows.relative(sy, y);
						float relX = cols.relative(sx, x);
						latentRows[e] = (long) (rows.latentIndex(sy, y) - cropY) * cropW + (cols.latentIndex(sx, x) - cropX);
						coords[e * cw] = relY;
						coords[e * cw + 1] = relX;
						if (cell) {
							coords[e * cw + 2] = cellY;
							coords[e * cw + 3] = cellX;
						}
						areas[t] = Math.abs(relY * relX) + 1e-9f;
						total += areas[t];
					}
				}
				// bilinear blending: each prediction is weighted by the diagonally opposite area
				for (int t = 0; t < shifts; t++) weights[t * queries + q] = areas[shifts - 1 - t] / total;
			}
		}
	}

	long[] latentRows() {
		return latentRows;
	}

	float[] coords() {
		return coords;
	}

	float[] weights() {
		return weights;
	}
}
