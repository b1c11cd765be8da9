package io.github.liif.ij1;

import ij.IJ;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TimeLeft;
import java.util.Locale;

/** ImageJ 1's progress bar and status line (progress, plane of a stack, time left); Esc cancels. */
final class ImageJMonitor implements Monitor {

	private final String label;
	private final TimeLeft timeLeft = new TimeLeft();
	private long lastShown;
	private int plane = 1;
	private int planes = 1;

	ImageJMonitor(String label) {
		this.label = label;
		IJ.resetEscape();
	}

	@Override
	public void plane(int index, int count) {
		plane = index;
		planes = count;
	}

	@Override
	public void progress(long done, long total) {
		double left = timeLeft.secondsLeft(done, total);
		long now = System.nanoTime();
		if (done < total && now - lastShown < 100_000_000L) return;
		lastShown = now;
		IJ.showProgress(total == 0 ? 1 : done / (double) total);
		IJ.showStatus(status(label, done, total, left, plane, planes));
	}

	/**
	 * E.g. "LIIF Upscale: plane 3/12 (40%), 21% done, 1 min 5 s left (Esc cancels)".
	 *
	 * @param secondsLeft from {@link TimeLeft}: NaN while estimating
	 */
	static String status(String label, long done, long total, double secondsLeft, int plane, int planes) {
		double fraction = total == 0 ? 1 : done / (double) total;
		StringBuilder s = new StringBuilder(label).append(": ");
		if (planes > 1) {
			double inPlane = Math.min(1, Math.max(0, fraction * planes - (plane - 1)));
			s.append(String.format(Locale.ROOT, "plane %d/%d (%d%%), ", plane, planes, Math.round(100 * inPlane)));
		}
		s.append(String.format(Locale.ROOT, "%d%% done", (long) Math.floor(100 * fraction)));
		if (fraction < 1) s.append(", ").append(Double.isNaN(secondsLeft) ? "estimating..." : duration(secondsLeft) + " left");
		return s.append(" (Esc cancels)").toString();
	}

	private static String duration(double seconds) {
		long s = Math.round(seconds);
		if (s < 60) return s + " s";
		if (s < 3600) return s / 60 + " min " + s % 60 + " s";
		return s / 3600 + " h " + s % 3600 / 60 + " min";
	}

	@Override
	public boolean isCancelled() { return IJ.escapePressed(); }
}
