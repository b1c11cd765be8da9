package io.github.liif.normalize;

/**
 * A linear map between raw intensities and the network's [0, 1] space: {@code low -> 0},
 * {@code high -> 1}. A constant image (high == low) maps by shifting only, so nothing divides
 * by zero and the constant comes back exactly.
 */
public record IntensityRange(double low, double high) {

	/** 8-bit data and RGB: the reference divides by 255. */
	public static final IntensityRange EIGHT_BIT = new IntensityRange(0, 255);

	public IntensityRange {
		if (!Double.isFinite(low) || !Double.isFinite(high) || high < low) {
			throw new IllegalArgumentException("invalid intensity range [" + low + ", " + high + "]");
		}
	}

	private double span() {
		return high > low ? high - low : 1;
	}

	/** Raw levels per unit of the [0, 1] space. */
	public double levelsPerUnit() {
		return span();
	}

	public float toUnit(double raw) {
		return (float) ((raw - low) / span());
	}

	public double fromUnit(float unit) {
		return low + unit * span();
	}
}
