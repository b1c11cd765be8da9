package io.github.liif.inference;

import io.github.liif.network.DecoderMode;

/**
 * How an upscale is carried out (never what it computes: every setting gives the same values
 * up to float rounding).
 *
 * @param tile LR tile edge in pixels (without the halo); memory grows with its square
 * @param batch output pixels decoded per batch
 * @param mode decoder formulation
 */
public record UpscaleOptions(int tile, int batch, DecoderMode mode) implements java.io.Serializable {

	public static final int MIN_TILE = 8;
	public static final UpscaleOptions DEFAULT = new UpscaleOptions(256, 2048, DecoderMode.SPLIT);

	public UpscaleOptions {
		if (tile < MIN_TILE) throw new IllegalArgumentException("tile must be at least " + MIN_TILE + " LR pixels, got " + tile);
		if (batch < 1) throw new IllegalArgumentException("batch must be positive, got " + batch);
		if (mode == null) throw new IllegalArgumentException("decoder mode missing");
	}

	public UpscaleOptions withTile(int newTile) {
		return new UpscaleOptions(newTile, batch, mode);
	}

	public UpscaleOptions withMode(DecoderMode newMode) {
		return new UpscaleOptions(tile, batch, newMode);
	}
}
