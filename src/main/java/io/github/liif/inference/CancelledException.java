package io.github.liif.inference;

/** The user cancelled the operation; nothing was (or will be) produced. */
public class CancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CancelledException() {
		super("cancelled");
	}
}
