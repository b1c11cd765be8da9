package io.github.liif.command;

import io.github.liif.inference.CancelledException;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

/**
 * What every LIIF SciJava command shares: the status and log services, and how failures are
 * reported (to the log, and as the command's cancel reason).
 */
abstract class LiifCommand extends ContextCommand {

	@Parameter(required = false)
	protected StatusService status;

	@Parameter(required = false)
	private LogService log;

	/** The command's work; throwing reports the failure. */
	protected abstract void execute() throws Exception;

	/** The name used in messages. */
	protected abstract String title();

	/** The cancel reason when the user stopped the work. */
	protected String stoppedMessage() {
		return "cancelled";
	}

	@Override
	public final void run() {
		try {
			execute();
		}
		catch (CancelledException e) {
			cancel(stoppedMessage());
		}
		catch (Exception | OutOfMemoryError e) {
			String message = title() + ": " + (e.getMessage() == null ? e : e.getMessage());
			if (log != null) log.error(message);
			cancel(message);
		}
	}

	protected void info(String message) {
		if (log != null) log.info(title() + ": " + message);
	}

	protected StatusMonitor monitor() {
		return new StatusMonitor(status, this, title());
	}
}
