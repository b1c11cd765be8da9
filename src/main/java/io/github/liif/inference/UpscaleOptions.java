package io.github.liif.inference;

import io.github.liif.network.DecoderMode;

/**
 * How an upscale is carried out: tile, batch and decoder mode never change what it computes
 * (every setting gives the same values up to float rounding); {@code consistency} is the one
 * choice that does.
 *
 * @param tile LR tile edge in pixels (without the halo); memory grows with its square
 * @param batch output pixels decoded per batch
 * @param mode decoder formulation
 * @param consistency back-projection after the network, resolved for the model (no "auto")
 */
public record UpscaleOptions(int tile, int batch, DecoderMode mode, Consistency consistency) implements java.io.Serializable {

	public static final int MIN_TILE = 8;
	public static final UpscaleOptions DEFAULT = new UpscaleOptions(256, 2048, DecoderMode.SPLIT, Consistency.OFF);

	/** Options without a consistency step. */
	public UpscaleOptions(int tile, int batch, DecoderMode mode) {
		this(tile, batch, mode, Consistency.OFF);
	}

	public UpscaleOptions {
		if (tile < MIN_TILE) throw new IllegalArgumentException("tile must be at least " + MIN_TILE + " LR pixels, got " + tile);
		if (batch < 1) throw new IllegalArgumentException("batch must be positive, got " + batch);
		if (mode == null) throw new IllegalArgumentException("decoder mode missing");
		if (consistency == null) throw new IllegalArgumentException("consistency missing");
	}

	public UpscaleOptions withTile(int newTile) {
		return new UpscaleOptions(newTile, batch, mode, consistency);
	}

	public UpscaleOptions withMode(DecoderMode newMode) {
		return new UpscaleOptions(tile, batch, newMode, consistency);
	}

	public UpscaleOptions withConsistency(Consistency newConsistency) {
		return new UpscaleOptions(tile, batch, mode, newConsistency);
	}
}
