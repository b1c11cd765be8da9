package io.github.liif.app;

/**
 * The port an upscale's result leaves through, in blocks as the network finishes them; the
 * adapter of an image library or file format assembles them (no float copy of the result is
 * made on the way).
 */
public interface ResultSink {

	/** Called once, before any block: the result's sizes, calibration and provenance. */
	void begin(ResultLayout layout);

	/**
	 * One block of stored samples: rounded and clamped for 8- and 16-bit results, in the input's
	 * units for 32-bit ones.
	 *
	 * @param slice the result's slice, 0-based: channel fastest, then Z, then frame (ImageJ's order)
	 * @param colour of a packed RGB result: 0 red, 1 green, 2 blue; else 0
	 * @param samples h * w values, row after row
	 */
	void write(int slice, int colour, int y0, int x0, int h, int w, float[] samples);
}
