package io.github.liif.app;

import java.util.Locale;

/**
 * The one check that a result held in the JVM's memory fits before any work starts, with the
 * numbers and what to do; every in-memory upscale path estimates its bytes and asks here.
 */
public final class HeapCheck {

	private HeapCheck() {}

	/**
	 * @param what the thing that needs the memory, for the message ("the result (W x H x N planes)")
	 * @param remedy what the user can do, ending the message
	 */
	public static void require(long bytes, String what, String remedy) {
		Runtime rt = Runtime.getRuntime();
		long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (bytes > free) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s needs about %.2f GB of memory but only %.2f GB are free; %s", what, bytes / 1e9, free / 1e9, remedy));
		}
	}
}
