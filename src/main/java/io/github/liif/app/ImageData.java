package io.github.liif.app;

/**
 * The image port: what the application reads of an image, whatever holds it (an ImagePlus, an
 * ImgLib2 image, a file read by an image library). Planes are addressed by channel, slice (Z)
 * and frame (time); each is the region the work reads (an area ROI's bounds, else the whole
 * plane), as stored values.
 */
public interface ImageData {

	/** The {@link #bitDepth()} of RGB colour. */
	int RGB = 24;

	/** For messages. */
	String name();

	/** Width of the region read, in pixels. */
	int width();

	/** Height of the region read, in pixels. */
	int height();

	/** The region's left edge in the whole image (the result's calibration origin moves by it). */
	int x0();

	/** The region's top edge in the whole image. */
	int y0();

	int channels();

	int slices();

	int frames();

	/** 8, 16 or 32 bits per sample, or {@link #RGB}: three 8-bit colours in one plane. */
	int bitDepth();

	/** Whether the values are indices into a colour palette (no intensities a model could use). */
	boolean palette();

	PixelCalibration calibration();

	/**
	 * The values of one colour of plane (c, z, t) in the region, row after row, as stored: a new
	 * array the caller may change.
	 *
	 * @param colour RGB: 0 red, 1 green, 2 blue; others: 0
	 */
	float[] plane(int c, int z, int t, int colour);

	/** Whether the image is RGB colour: the one test of it. */
	default boolean rgb() {
		return bitDepth() == RGB;
	}

	/** Colours per plane: 3 for RGB, else 1. */
	default int colours() {
		return rgb() ? 3 : 1;
	}

	/** Planes in all: channels x slices x frames. */
	default int planes() {
		return channels() * slices() * frames();
	}
}
