package io.github.liif.normalize;

import java.util.function.IntFunction;

/**
 * Low and high percentiles of arbitrarily large data, plane by plane, without sorting: a
 * min/max pass, then a 65536-bin histogram over [min, max] that also keeps each bin's smallest
 * and largest value; the percentile is interpolated between those. Exact for 8- and 16-bit
 * data (one value per bin); within 1/65536 of the range for float data. NaN and infinities
 * are ignored. Data whose values are all integers in [0, 65535] (8- and 16-bit images) is
 * counted per level during the min/max pass, so it is read once: a virtual stack's planes come
 * from disk once for the percentiles instead of twice. Same result either way (one value per
 * bin in both).
 */
public final class Percentiles {

	/** The default percentiles for 16- and 32-bit images. */
	public static final double LOW = 0.1;
	public static final double HIGH = 99.9;

	private static final int BINS = 65536;
	/** The value of each level of integer data: the smallest and largest value of its bin. */
	private static final float[] LEVEL_VALUES = new float[BINS];

	static {
		for (int l = 0; l < BINS; l++) LEVEL_VALUES[l] = l;
	}

	private Percentiles() {}

	/**
	 * @param planes number of planes
	 * @param plane the values of plane i (may be produced on demand)
	 * @return the range between the two percentiles; (0, 0) if no value is finite
	 */
	public static IntensityRange range(int planes, IntFunction<float[]> plane, double lowPercent, double highPercent) {
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		long count = 0;
		long[] levels = new long[BINS];
		boolean integral = true;
		for (int i = 0; i < planes; i++) {
			for (float v : plane.apply(i)) {
				if (!Float.isFinite(v)) continue;
				if (v < min) min = v;
				if (v > max) max = v;
				count++;
				if (integral) {
					int level = (int) v;
					if (level == v && level >= 0 && level < BINS) levels[level]++;
					else integral = false;
				}
			}
		}
		if (count == 0) return new IntensityRange(0, 0);
		if (max == min) return new IntensityRange(min, max);
		if (integral) return between(levels, LEVEL_VALUES, LEVEL_VALUES, count, lowPercent, highPercent);
		long[] histogram = new long[BINS];
		float[] binMin = new float[BINS];
		float[] binMax = new float[BINS];
		double width = (max - min) / BINS;
		for (int i = 0; i < planes; i++) {
			for (float v : plane.apply(i)) {
				if (!Float.isFinite(v)) continue;
				int b = Math.min(BINS - 1, (int) ((v - min) / width));
				if (histogram[b]++ == 0) {
					binMin[b] = v;
					binMax[b] = v;
				}
				else {
					binMin[b] = Math.min(binMin[b], v);
					binMax[b] = Math.max(binMax[b], v);
				}
			}
		}
		return between(histogram, binMin, binMax, count, lowPercent, highPercent);
	}

	private static IntensityRange between(long[] histogram, float[] binMin, float[] binMax, long count, double lowPercent,
		double highPercent)
	{
		double low = quantile(histogram, binMin, binMax, count, lowPercent / 100);
		double high = quantile(histogram, binMin, binMax, count, highPercent / 100);
		return new IntensityRange(low, Math.max(low, high));
	}

	private static double quantile(long[] histogram, float[] binMin, float[] binMax, long count, double q) {
		double rank = q * (count - 1);
		long seen = 0;
		int last = 0;
		for (int b = 0; b < histogram.length; b++) {
			if (histogram[b] == 0) continue;
			last = b;
			if (seen + histogram[b] > rank) {
				double fraction = histogram[b] == 1 ? 0 : (rank - seen) / (histogram[b] - 1);
				return binMin[b] + Math.min(1, fraction) * (binMax[b] - binMin[b]);
			}
			seen += histogram[b];
		}
		return binMax[last];
	}
}
