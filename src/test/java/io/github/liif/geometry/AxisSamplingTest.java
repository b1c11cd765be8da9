package io.github.liif.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** LIIF's query geometry along one axis, checked by hand at x2 (four outputs over two latents). */
class AxisSamplingTest {

	@Test
	void pixelCentresSpanMinusOneToOne() {
		assertArrayEquals(new float[]{ -0.75f, -0.25f, 0.25f, 0.75f }, AxisSampling.centres(4), 0f);
		assertArrayEquals(new float[]{ 0f }, AxisSampling.centres(1), 0f);
	}

	@Test
	void withoutTheEnsembleEachQueryTakesItsNearestLatent() {
		AxisSampling x2 = new AxisSampling(4, 2, false);
		assertEquals(1, x2.shifts());
		int[] latents = new int[4];
		float[] relative = new float[4];
		for (int i = 0; i < 4; i++) {
			latents[i] = x2.latentIndex(0, i);
			relative[i] = x2.relative(0, i);
		}
		assertArrayEquals(new int[]{ 0, 0, 1, 1 }, latents);
		// (query - latent centre) in units of half an LR pixel: latents at -0.5 and 0.5
		assertArrayEquals(new float[]{ -0.5f, 0.5f, -0.5f, 0.5f }, relative, 1e-6f);
		assertEquals(1f, x2.cell(), 0f);
	}

	@Test
	void theEnsembleTakesTheLatentsOnBothSidesClampedAtTheBorder() {
		AxisSampling x2 = new AxisSampling(4, 2, true);
		assertEquals(2, x2.shifts());
		// query 1 (at -0.25) lies between latent 0 (at -0.5) and latent 1 (at 0.5)
		assertEquals(0, x2.latentIndex(0, 1));
		assertEquals(0.5f, x2.relative(0, 1), 1e-5f);
		assertEquals(1, x2.latentIndex(1, 1));
		assertEquals(-1.5f, x2.relative(1, 1), 1e-5f);
		// query 0 (at -0.75) has no latent to its left: both shifts take latent 0
		assertEquals(0, x2.latentIndex(0, 0));
		assertEquals(0, x2.latentIndex(1, 0));
		assertEquals(0, x2.minLatent(0, 4));
		assertEquals(1, x2.maxLatent(0, 4));
		assertEquals(1, x2.minLatent(3, 4));
	}

	@Test
	void everyQueryUsesLatentsWithinOnePixelOfItsOwn() {
		AxisSampling s = new AxisSampling(37, 11, true);
		for (int i = 0; i < 37; i++) {
			int nearest = Math.min(10, (int) (i * 11 / 37.0));
			for (int shift = 0; shift < 2; shift++) {
				assertTrue(Math.abs(s.latentIndex(shift, i) - nearest) <= 1, "query " + i);
				assertTrue(Math.abs(s.relative(shift, i)) <= 2f, "query " + i);
			}
		}
	}

	@Test
	void emptyAxesAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new AxisSampling(0, 3, false));
		assertThrows(IllegalArgumentException.class, () -> new AxisSampling(3, 0, true));
	}
}
