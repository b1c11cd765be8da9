package io.github.liif.io;

import java.io.IOException;

/**
 * A result could not be written, found while writing or publishing it (permissions, a full disk,
 * a file another run created meanwhile); the message names the user's path and the reason,
 * never a temporary name.
 */
public final class WriteFailedException extends IOException {

	private static final long serialVersionUID = 1L;

	public WriteFailedException(String message, Throwable cause) {
		super(message, cause);
	}
}
