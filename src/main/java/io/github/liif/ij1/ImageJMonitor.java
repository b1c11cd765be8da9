package io.github.liif.ij1;

import ij.IJ;
import io.github.liif.inference.Monitor;

/** ImageJ 1's progress bar and status line; Esc cancels. */
final class ImageJMonitor implements Monitor {

	private final String label;
	private long lastShown;

	ImageJMonitor(String label) {
		this.label = label;
		IJ.resetEscape();
	}

	@Override
	public void progress(long done, long total) {
		long now = System.nanoTime();
		if (done < total && now - lastShown < 100_000_000L) return;
		lastShown = now;
		IJ.showProgress(total == 0 ? 1 : done / (double) total);
		IJ.showStatus(label + ": " + (total == 0 ? 100 : 100 * done / total) + "% (Esc cancels)");
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed();
	}
}
