package io.github.liif.cli;

import io.github.liif.inference.Monitor;
import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress display on stderr, redrawn at most a few times a second. */
final class ConsoleProgress implements Monitor {

	private final PrintWriter err;
	private final String label;
	private final StopSignal stop;
	private final long start = System.nanoTime();
	private long lastDraw;

	ConsoleProgress(PrintWriter err, String label, StopSignal stop) {
		this.err = err;
		this.label = label;
		this.stop = stop;
	}

	@Override
	public void progress(long done, long total) {
		long now = System.nanoTime();
		if (done < total && now - lastDraw < 250_000_000L) return;
		lastDraw = now;
		double seconds = (now - start) / 1e9;
		double fraction = total == 0 ? 1 : done / (double) total;
		String eta = fraction > 0 && fraction < 1 ? String.format(Locale.ROOT, ", %.0f s left", seconds / fraction - seconds)
			: "";
		err.printf(Locale.ROOT, "\r%s: %5.1f%% (%.1f s%s)   ", label, 100 * fraction, seconds, eta);
		if (done >= total) err.println();
		err.flush();
	}

	@Override
	public boolean isCancelled() { return stop.requested(); }
}
