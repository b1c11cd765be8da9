package io.github.liif.model;

import java.util.Locale;

/**
 * Whether the decoder predicts the image itself (the reference's LIIF) or its difference from a
 * smooth upsampling of the input, so that low frequencies and colours come from the input (as
 * LTE does with a bilinear base). Stored as {@code global_residual} in the model's arguments.
 */
public enum GlobalResidual {

	/** The reference's LIIF: the decoder's output is the result. */
	NONE,
	/** The result is PIL's bicubic upsampling of the input plus the decoder's output. */
	BICUBIC;

	/** What a new model gets unless told otherwise: the A/B of training/README.md (session 7) chose it. */
	public static final String DEFAULT_FOR_NEW_MODELS = "bicubic";

	/** The name in model files and on the command line. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses {@link #id()}; the message lists the choices. */
	public static GlobalResidual parse(String id) {
		for (GlobalResidual r : values()) {
			if (r.id().equals(id.trim().toLowerCase(Locale.ROOT))) return r;
		}
		throw new IllegalArgumentException("unknown global residual '" + id + "': use none or bicubic");
	}
}
