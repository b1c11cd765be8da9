package io.github.liif.command;

import io.github.liif.inference.Monitor;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;

/** Progress in SciJava's status bar; cancelled when the command is (e.g. from its task). */
final class StatusMonitor implements Monitor {

	private final StatusService status;
	private final ContextCommand command;
	private final String label;

	StatusMonitor(StatusService status, ContextCommand command, String label) {
		this.status = status;
		this.command = command;
		this.label = label;
	}

	@Override
	public void progress(long done, long total) {
		if (status == null) return;
		status.showProgress((int) (1000 * done / Math.max(1, total)), 1000);
		status.showStatus(label);
	}

	@Override
	public boolean isCancelled() { return command.isCanceled() || Thread.currentThread().isInterrupted(); }
}
