package io.github.liif.runtime;

/** The deep-learning engine or the requested device is not available, with what to do. */
public class EngineUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public EngineUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
