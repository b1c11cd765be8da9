package io.github.liif.app;

import io.github.liif.normalize.IntensityRange;
import io.github.liif.normalize.Percentiles;

/**
 * The one rule by which stored values enter the network's [0, 1] space, whoever holds the image:
 * 8-bit and RGB are divided by 255; 16- and 32-bit are mapped by the 0.1 and 99.9 percentiles
 * of each channel over all planes of that channel. Non-finite values become 0 in network space
 * (NaN/Inf would otherwise spread over the receptive field).
 */
public final class IntensityMapping {

	private IntensityMapping() {}

	/** One range per channel. */
	public static IntensityRange[] ranges(ImageData image) {
		int channels = image.channels();
		int nz = image.slices();
		IntensityRange[] ranges = new IntensityRange[channels];
		for (int c = 0; c < channels; c++) {
			if (image.bitDepth() == 8 || image.rgb()) {
				ranges[c] = IntensityRange.EIGHT_BIT;
				continue;
			}
			int channel = c;
			ranges[c] = Percentiles.range(nz * image.frames(), i -> image.plane(channel, i % nz, i / nz, 0), Percentiles.LOW,
				Percentiles.HIGH);
		}
		return ranges;
	}

	/** Plane (c, z, t) in network space: one array per colour. */
	public static float[][] unitPlane(ImageData image, int c, int z, int t, IntensityRange range) {
		float[][] colours = new float[image.colours()][];
		for (int k = 0; k < colours.length; k++) colours[k] = toUnit(image.plane(c, z, t, k), range);
		return colours;
	}

	/** Channel c at frame t in network space: its slices packed one after another, per colour. */
	public static float[][] volume(ImageData image, int c, int t, IntensityRange range) {
		int pixels = image.width() * image.height();
		int nz = image.slices();
		float[][] packed = new float[image.colours()][nz * pixels];
		for (int z = 0; z < nz; z++) {
			float[][] planes = unitPlane(image, c, z, t, range);
			for (int k = 0; k < packed.length; k++) System.arraycopy(planes[k], 0, packed[k], z * pixels, pixels);
		}
		return packed;
	}

	/** Maps stored values to network space, in place. */
	static float[] toUnit(float[] raw, IntensityRange range) {
		for (int i = 0; i < raw.length; i++) raw[i] = Float.isFinite(raw[i]) ? range.toUnit(raw[i]) : 0f;
		return raw;
	}
}
