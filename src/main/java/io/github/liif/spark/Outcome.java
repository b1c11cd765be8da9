package io.github.liif.spark;

import java.io.Serializable;

/** What became of one unit of work (an image file, or a block of chunks of a tiled image). */
public record Outcome(String item, Status status, String message, double seconds) implements Serializable {

	public enum Status {
		DONE, SKIPPED, FAILED
	}

	static Outcome failed(String item, Throwable e, double seconds) {
		String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		return new Outcome(item, Status.FAILED, m, seconds);
	}
}
