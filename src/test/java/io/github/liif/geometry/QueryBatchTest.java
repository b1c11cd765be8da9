package io.github.liif.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The decoder inputs of a batch of queries: latent rows in a crop's table, coordinates, cells and ensemble weights. */
class QueryBatchTest {

	@Test
	void oneShiftPerQueryWithoutTheEnsembleWeighsOne() {
		AxisSampling rows = new AxisSampling(4, 2, false);
		AxisSampling cols = new AxisSampling(6, 3, false);
		QueryBatch batch = new QueryBatch(2, false, true, 0);
		batch.put(0, rows, cols, 1, 2, 100, 0, 0, 3);
		batch.put(1, rows, cols, 3, 5, 100, 0, 0, 3);
		assertEquals(4, batch.coordWidth());
		// output (1, 2) lies on latent (0, 1), output (3, 5) on latent (1, 2): rows of a 3-wide table from row 100
		assertArrayEquals(new long[]{ 101, 105 }, batch.latentRows());
		assertArrayEquals(new float[]{ 1, 1 }, batch.weights(), 0f);
		assertArrayEquals(new float[]{ 0.5f, -0.5f, 1, 1, 0.5f, 0.5f, 1, 1 }, batch.coords(), 1e-6f);
	}

	@Test
	void ensembleWeightsAreTheOppositeAreasAndSumToOne() {
		AxisSampling rows = new AxisSampling(8, 3, true);
		AxisSampling cols = new AxisSampling(9, 4, true);
		QueryBatch batch = new QueryBatch(1, true, false, 1);
		batch.put(0, rows, cols, 3, 4, 0, 1, 1, 3);
		assertEquals(4, batch.shiftsPerQuery());
		assertEquals(2, batch.coordWidth());
		assertEquals(1, batch.base().length);
		float sum = 0;
		for (float w : batch.weights()) sum += w;
		assertEquals(1f, sum, 1e-6f);
		float[] c = batch.coords();
		for (int t = 0; t < 4; t++) {
			// the prediction of shift t weighs as much as the area spanned by the opposite shift's coordinates
			int o = 3 - t;
			float opposite = Math.abs(c[o * 2] * c[o * 2 + 1]) + 1e-9f;
			float total = 0;
			for (int k = 0; k < 4; k++) total += Math.abs(c[k * 2] * c[k * 2 + 1]) + 1e-9f;
			assertEquals(opposite / total, batch.weights()[t], 1e-6f);
			// latent rows relative to the crop at (1, 1), 3 wide
			long expected = (long) (rows.latentIndex(t / 2, 3) - 1) * 3 + cols.latentIndex(t % 2, 4) - 1;
			assertEquals(expected, batch.latentRows()[t]);
		}
	}
}
