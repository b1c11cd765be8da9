package io.github.liif.normalize;

/**
 * Network-space values back to stored samples: through the intensity range, then rounded and
 * clamped for 8- and 16-bit outputs (NaN becomes 0), kept as they are for 32-bit float.
 */
public final class SampleEncoding {

	private SampleEncoding() {}

	/**
	 * @param bits 8, 16 or 32 (float)
	 */
	public static double encode(float unit, IntensityRange range, int bits) {
		return switch (bits) {
			case 8 -> clampRound(range.fromUnit(unit), 255);
			case 16 -> clampRound(range.fromUnit(unit), 65535);
			case 32 -> (float) range.fromUnit(unit);
			default -> throw new IllegalArgumentException("unsupported sample size " + bits + " bits");
		};
	}

	public static int clampRound(double v, int max) {
		if (!(v > 0)) return 0;
		return v >= max ? max : (int) Math.round(v);
	}
}
