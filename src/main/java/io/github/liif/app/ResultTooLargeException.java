package io.github.liif.app;

import java.util.Locale;

/**
 * A request refused before any work because its result cannot fit the JVM's memory: bad input
 * (the CLI exits 2), with the numbers. The message tells how to raise the limit in ImageJ and
 * Fiji; other front ends put their own way with {@link #message(String)}.
 */
public final class ResultTooLargeException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/** How ImageJ and Fiji raise the JVM's limit. */
	public static final String IMAGEJ_LIMIT = "raise ImageJ's memory (Edit > Options > Memory & Threads)";

	private final String what;
	private final long bytes;
	private final long free;
	private final long inUse;
	private final String alternatives;

	/**
	 * @param inUse bytes the JVM's heap holds already
	 * @param alternatives what else the user can do, ending the message
	 */
	public ResultTooLargeException(String what, long bytes, long free, long inUse, String alternatives) {
		super(what);
		this.what = what;
		this.bytes = bytes;
		this.free = free;
		this.inUse = inUse;
		this.alternatives = alternatives;
	}

	@Override
	public String getMessage() { return message(IMAGEJ_LIMIT); }

	/** The message with another way to raise the limit ("raise ... with -Xmx..."). */
	public String message(String raiseLimit) {
		return String.format(Locale.ROOT, "%s needs about %.2f GB of memory but only %.2f GB are free; %s, or %s", what, bytes
			/ 1e9, free / 1e9, raiseLimit, alternatives);
	}

	/** The heap limit that would hold the result besides what is in use now, rounded up to whole GB, plus a fifth. */
	public long neededHeapGigabytes() {
		return (long) Math.ceil((bytes + inUse) * 1.2 / (1L << 30));
	}
}
