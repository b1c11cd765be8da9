package io.github.liif.app;

/**
 * What a result will be, told to its {@link ResultSink} before any pixel.
 *
 * @param plan sizes and types
 * @param channels channels of the result (an RGB image as 32-bit: three per input channel)
 * @param frames time points
 * @param calibration the result's pixel size and origin
 * @param label how it was scaled, for titles ("2.5x3", "2x2x1.5z")
 * @param provenance how it was made (model, consistency step, along Z)
 */
public record ResultLayout(UpscalePlan plan, int channels, int frames, PixelCalibration calibration, String label,
	String provenance)
{

	/** Slices of the result. */
	public int slices() {
		return channels * plan.outZ() * frames;
	}
}
