package io.github.liif.command;

import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;

/** How the commands report a failure: to the log and as the command's cancel reason. */
final class CommandErrors {

	private CommandErrors() {}

	static void report(ContextCommand command, LogService log, String title, Throwable e) {
		String message = title + ": " + (e.getMessage() == null ? e : e.getMessage());
		if (log != null) log.error(message);
		command.cancel(message);
	}
}
