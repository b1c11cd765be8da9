package io.github.liif.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM while a command works: the JVM's shutdown waits (up to two minutes) until
 * the work has noticed {@link #requested()} and cleaned up (a checkpoint written, a temporary
 * output removed), instead of exiting under it and leaving a half-written file.
 */
final class StopSignal implements AutoCloseable {

	private volatile boolean requested;
	private final CountDownLatch finished = new CountDownLatch(1);
	private final Thread hook = new Thread(this::stopAndWait, "liif-stop");

	StopSignal() {
		Runtime.getRuntime().addShutdownHook(hook);
	}

	boolean requested() {
		return requested || Thread.currentThread().isInterrupted();
	}

	private void stopAndWait() {
		requested = true;
		try {
			finished.await(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The work has ended (finished, failed or stopped). */
	@Override
	public void close() {
		finished.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException shuttingDown) {
			// the hook is running: it returns now that the work has ended
		}
	}
}
