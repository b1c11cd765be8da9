package io.github.liif.train;

/**
 * A small, fast, splittable random generator (SplitMix64). Training derives one from
 * (seed, iteration) for every batch, so a resumed run draws exactly the batches the
 * uninterrupted run would have, whatever was prefetched.
 */
final class SplitMix {

	private long state;

	SplitMix(long seed) {
		this.state = seed;
	}

	static SplitMix forIteration(long seed, long iteration) {
		return new SplitMix(mix(seed * 0x9E3779B97F4A7C15L + iteration));
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	long nextLong() {
		state += 0x9E3779B97F4A7C15L;
		return mix(state);
	}

	/** Uniform in [0, 1). */
	double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	/** Uniform in [0, bound). */
	int nextInt(int bound) {
		return (int) ((nextLong() >>> 33) % bound);
	}

	boolean nextBoolean() {
		return nextLong() < 0;
	}

	/** Standard normal (Box-Muller). */
	double nextGaussian() {
		double u = Math.max(nextDouble(), 1e-300);
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * nextDouble());
	}
}
