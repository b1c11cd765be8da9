package io.github.liif.network;

/** How the decoder's first layer is evaluated; both give the same values up to float rounding. */
public enum DecoderMode {
	/**
	 * The reference formulation: gather the 3x3-unfolded features of each query's latent and
	 * apply the full first linear layer to [features, rel, cell].
	 */
	REFERENCE,
	/**
	 * The exact first-layer split: the latent part of the first layer is a 3x3 convolution of
	 * the features, computed once per LR pixel; per query only the coordinate and cell terms
	 * remain.
	 */
	SPLIT
}
