package io.github.liif.inference;

/**
 * Receives the output of an upscale block by block, so that results larger than memory can be
 * written progressively. Within one attempt blocks never overlap and together cover the output
 * once; after an out-of-memory retry with smaller tiles ({@link Upscaler}) blocks already handed
 * over arrive again, with the same values, so a sink must accept a block written twice.
 */
@FunctionalInterface
public interface TileSink {

	/**
	 * @param y0 first output row of the block
	 * @param x0 first output column
	 * @param h rows in the block
	 * @param w columns in the block
	 * @param values (h * w, C) pixel-interleaved: value of channel c at (y, x) is at
	 *          {@code ((y - y0) * w + (x - x0)) * C + c}; in [0, 1] space, not clamped
	 */
	void accept(int y0, int x0, int h, int w, float[] values);
}
