package io.github.liif.model;

import java.util.Locale;

/**
 * What the network's convolutions (and the feature unfolding) see beyond the image border.
 * The reference pads with zeros, so near the border a model sees the image fade to black and
 * darkens it there; a model trained with reflection sees the image continue, as interior tiles
 * see their neighbours. Stored as {@code padding_mode} in the model's arguments (PyTorch's name).
 */
public enum Padding {

	/** The reference's LIIF (PyTorch's {@code padding_mode='zeros'}). */
	ZEROS,
	/** The image mirrored at its border, without repeating the edge pixel ({@code padding_mode='reflect'}). */
	REFLECT;

	/** What a new model gets unless told otherwise: a model should infer with the border it was trained with. */
	public static final String DEFAULT_FOR_NEW_MODELS = "reflect";

	/** The name in model files and on the command line. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses {@link #id()}; the message lists the choices. */
	public static Padding parse(String id) {
		for (Padding p : values()) {
			if (p.id().equals(id.trim().toLowerCase(Locale.ROOT))) return p;
		}
		throw new IllegalArgumentException("unknown padding '" + id + "': use zeros or reflect");
	}
}
