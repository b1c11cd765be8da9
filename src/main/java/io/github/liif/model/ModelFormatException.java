package io.github.liif.model;

/** A model file or state dict that cannot be used, with a message saying why and what to do. */
public class ModelFormatException extends Exception {

	private static final long serialVersionUID = 1L;

	public ModelFormatException(String message) {
		super(message);
	}

	public ModelFormatException(String message, Throwable cause) {
		super(message, cause);
	}
}
