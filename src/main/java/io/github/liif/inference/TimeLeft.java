package io.github.liif.inference;

import java.util.function.LongSupplier;

/**
 * The time an upscale still needs, from the throughput measured after a warm-up: the first
 * batches (engine start, the JIT, caches) run far slower than the rest, so an estimate from the
 * start said "33202 s left" for a run of 1100 s. Until the throughput is measured it says so
 * ({@link Double#NaN}), and front ends show "estimating...".
 */
public final class TimeLeft {

	/** Time from the first report after which the throughput is measured. */
	static final long WARM_UP_NANOS = 2_000_000_000L;
	/** How long the throughput is measured before the first estimate. */
	static final long MEASURE_NANOS = 1_000_000_000L;

	private final LongSupplier clock;
	private long first = -1;
	private long warm = -1;
	private long warmDone;

	public TimeLeft() {
		this(System::nanoTime);
	}

	/** @param clock nanoseconds, as {@link System#nanoTime} */
	public TimeLeft(LongSupplier clock) {
		this.clock = clock;
	}

	/** Seconds left after {@code done} of {@code total} work units, or NaN while still estimating. */
	public double secondsLeft(long done, long total) {
		long now = clock.getAsLong();
		if (first < 0) first = now;
		if (warm < 0) {
			if (now - first < WARM_UP_NANOS) return Double.NaN;
			warm = now;
			warmDone = done;
		}
		if (now - warm < MEASURE_NANOS || done <= warmDone) return Double.NaN;
		double perUnit = (now - warm) / 1e9 / (done - warmDone);
		return Math.max(0, total - done) * perUnit;
	}
}
