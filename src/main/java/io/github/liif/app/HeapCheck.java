package io.github.liif.app;

/**
 * The one check that a result held in the JVM's memory fits before any work starts, with the
 * numbers and what to do; every in-memory upscale path estimates its bytes and asks here.
 */
public final class HeapCheck {

	private HeapCheck() {}

	/**
	 * @param what the thing that needs the memory, for the message ("the result (W x H x N planes)")
	 * @param alternatives what the user can do besides raising the memory limit, ending the message
	 * @throws ResultTooLargeException when it does not fit
	 */
	public static void require(long bytes, String what, String alternatives) {
		Runtime rt = Runtime.getRuntime();
		long inUse = rt.totalMemory() - rt.freeMemory();
		long free = rt.maxMemory() - inUse;
		if (bytes > free) throw new ResultTooLargeException(what, bytes, free, inUse, alternatives);
	}
}
