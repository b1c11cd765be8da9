package io.github.liif.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.TinyModels;
import io.github.liif.image.PlanarImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Training planes kept within a memory budget train exactly as planes held in memory. */
class PlaneCacheTest {

	private static PlanarImage plane(int seed) {
		Random r = new Random(seed);
		float[] p = new float[50 * 40];
		for (int i = 0; i < p.length; i++) p[i] = r.nextFloat();
		return new PlanarImage(40, 50, new float[][]{ p });
	}

	@Test
	void batchesAreTheSameAndMemoryStaysWithinTheBudget() {
		long onePlane = 4L * 50 * 40;
		PlaneCache cache = new PlaneCache(onePlane * 2);
		AtomicInteger decoded = new AtomicInteger();
		List<TrainingImage> held = new ArrayList<>();
		List<TrainingImage> cached = new ArrayList<>();
		for (int k = 0; k < 5; k++) {
			int seed = k;
			held.add(new TrainingImage("p" + k, plane(seed), false));
			cached.add(TrainingImage.cached("p" + k, plane(seed), false, 255, cache, () -> {
				decoded.incrementAndGet();
				return plane(seed);
			}));
		}
		assertEquals(onePlane * 2, cache.used(), "the first two planes fit, the others wait on disk");
		TrainingConfig config = TrainingConfig.builder().patch(16).samples(64).batch(3).build();
		PatchSampler a = new PatchSampler(held, config, TinyModels.randomEdsr(1, true, 1).spec());
		PatchSampler b = new PatchSampler(cached, config, TinyModels.randomEdsr(1, true, 1).spec());
		for (long it = 0; it < 20; it++) {
			TrainingBatch x = a.batch(it);
			TrainingBatch y = b.batch(it);
			assertArrayEquals(x.lowRes(), y.lowRes(), "iteration " + it);
			assertArrayEquals(x.targets(), y.targets(), "iteration " + it);
			assertTrue(cache.used() <= onePlane * 2);
		}
		assertTrue(decoded.get() > 0 && decoded.get() == cache.reloads(), "dropped planes were decoded again: " + decoded.get());
	}
}
