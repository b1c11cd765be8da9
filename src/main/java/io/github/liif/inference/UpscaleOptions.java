package io.github.liif.inference;

import io.github.liif.model.LiifSpec;
import io.github.liif.network.DecoderMode;
import java.io.Serializable;
import java.util.Arrays;

/**
 * How an upscale is carried out: tile, batch and decoder mode never change what it computes
 * (every setting gives the same values up to float rounding); {@code consistency} is the one
 * choice that does.
 *
 * @param tile LR tile edge in pixels (without the halo); memory grows with its square
 * @param batch output pixels decoded per batch, or {@link #AUTO_BATCH}: sized by the model
 * @param mode decoder formulation
 * @param consistency back-projection after the network, resolved for the model (no "auto")
 * @param ensemble 1: the network once; 8: the mean of its predictions on the 8 flips and
 *          rotations of the input (only the 4 flips along Z and for models trained along one
 *          axis), before the consistency step: about 8x the time
 */
public record UpscaleOptions(int tile, int batch, DecoderMode mode, Consistency consistency, int ensemble)
	implements
		Serializable
{

	public static final int MIN_TILE = 8;
	/** A batch sized by the model: see {@link #batchPixels(LiifSpec)}. */
	public static final int AUTO_BATCH = 0;
	/**
	 * Floats in one layer's activations of an automatic batch (4 MB): batches that stay in the
	 * caches. NB: the paper-size decoder ran 7 % faster (256 x 256 -> x4, whole process) with
	 * 1024-pixel batches than with 2048; the bundled models' narrower decoder was as fast at
	 * 2048 and slower at 512, where per-batch costs show (docs/bench.txt).
	 */
	static final int AUTO_BATCH_FLOATS = 1 << 20;
	/**
	 * The engine's defaults, without a consistency step: the front ends' default step is
	 * {@link Consistency#DEFAULT}, which the requests start from and the catalogue resolves for a model.
	 */
	public static final UpscaleOptions DEFAULT = new UpscaleOptions(256, AUTO_BATCH, DecoderMode.SPLIT, Consistency.OFF);

	/** Options without a consistency step. */
	public UpscaleOptions(int tile, int batch, DecoderMode mode) {
		this(tile, batch, mode, Consistency.OFF);
	}

	/** Options without the self-ensemble. */
	public UpscaleOptions(int tile, int batch, DecoderMode mode, Consistency consistency) {
		this(tile, batch, mode, consistency, 1);
	}

	public UpscaleOptions {
		if (tile < MIN_TILE) throw new IllegalArgumentException("tile must be at least " + MIN_TILE + " LR pixels, got " + tile);
		if (batch < 0) throw new IllegalArgumentException("batch must be positive (or auto), got " + batch);
		if (mode == null) throw new IllegalArgumentException("decoder mode missing");
		if (consistency == null) throw new IllegalArgumentException("consistency missing");
		checkEnsemble(ensemble);
	}

	/** Refuses anything but 1 (the network once) or 8 (the self-ensemble), with a message that says so. */
	public static void checkEnsemble(int predictions) {
		if (predictions != 1 && predictions != 8) {
			throw new IllegalArgumentException("ensemble must be 1 (the network once) or 8 (flips and rotations), got "
				+ predictions);
		}
	}

	/**
	 * "auto" or a positive number of output pixels per decoder batch (the command line's and the
	 * dialogs' form).
	 */
	public static int parseBatch(String text) {
		String t = text == null ? "" : text.trim();
		if (t.equalsIgnoreCase("auto")) return AUTO_BATCH;
		try {
			int n = Integer.parseInt(t);
			if (n > 0) return n;
		}
		catch (NumberFormatException e) {
			// the message below names what is accepted
		}
		throw new IllegalArgumentException("batch must be 'auto' or a positive number of output pixels, got '" + text + "'");
	}

	/**
	 * Output pixels per decoder batch for {@code spec}: the one asked for, or for {@link #AUTO_BATCH}
	 * as many as keep one layer's activations (pixels x ensemble shifts x widest hidden layer) at
	 * {@link #AUTO_BATCH_FLOATS}.
	 */
	public int batchPixels(LiifSpec spec) {
		if (batch != AUTO_BATCH) return batch;
		int widest = Arrays.stream(spec.hidden()).max().orElse(1);
		int shifts = spec.localEnsemble() ? 4 : 1;
		return Math.max(64, AUTO_BATCH_FLOATS / (shifts * widest));
	}

	public UpscaleOptions withTile(int newTile) {
		return new UpscaleOptions(newTile, batch, mode, consistency, ensemble);
	}

	public UpscaleOptions withMode(DecoderMode newMode) {
		return new UpscaleOptions(tile, batch, newMode, consistency, ensemble);
	}

	public UpscaleOptions withConsistency(Consistency newConsistency) {
		return new UpscaleOptions(tile, batch, mode, newConsistency, ensemble);
	}

	public UpscaleOptions withEnsemble(int predictions) {
		return new UpscaleOptions(tile, batch, mode, consistency, predictions);
	}
}
