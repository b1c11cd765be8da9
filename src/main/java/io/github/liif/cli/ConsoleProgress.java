package io.github.liif.cli;

import io.github.liif.inference.Monitor;
import io.github.liif.inference.TimeLeft;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/** A one-line progress display on stderr, redrawn at most a few times a second. */
final class ConsoleProgress implements Monitor {

	private final PrintWriter err;
	private final String label;
	private final StopSignal stop;
	private final LongSupplier clock;
	private final long start;
	private final TimeLeft timeLeft;
	private long lastDraw;

	ConsoleProgress(PrintWriter err, String label, StopSignal stop) {
		this(err, label, stop, System::nanoTime);
	}

	/** @param clock nanoseconds, as {@link System#nanoTime} */
	ConsoleProgress(PrintWriter err, String label, StopSignal stop, LongSupplier clock) {
		this.err = err;
		this.label = label;
		this.stop = stop;
		this.clock = clock;
		this.start = clock.getAsLong();
		this.timeLeft = new TimeLeft(clock);
		this.lastDraw = start - 250_000_000L;
	}

	@Override
	public void progress(long done, long total) {
		double left = timeLeft.secondsLeft(done, total);
		long now = clock.getAsLong();
		if (done < total && now - lastDraw < 250_000_000L) return;
		lastDraw = now;
		double seconds = (now - start) / 1e9;
		double fraction = total == 0 ? 1 : done / (double) total;
		String eta = fraction >= 1 ? "" : Double.isNaN(left) ? ", estimating..." : String.format(Locale.ROOT, ", %.0f s left",
			left);
		err.printf(Locale.ROOT, "\r%s: %5.1f%% (%.1f s%s)   ", label, 100 * fraction, seconds, eta);
		if (done >= total) err.println();
		err.flush();
	}

	@Override
	public boolean isCancelled() { return stop.requested(); }
}
