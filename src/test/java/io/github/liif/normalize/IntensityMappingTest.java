package io.github.liif.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Percentile ranges by histogram against sorting, the [0, 1] mapping and its way back to stored samples. */
class IntensityMappingTest {

	@Test
	void histogramPercentilesAreTheLowerNeighbourOfTheSortedRankOnIntegerData() {
		Random r = new Random(11);
		float[][] planes = new float[3][5000];
		for (float[] p : planes)
			for (int i = 0; i < p.length; i++) p[i] = 100 + r.nextInt(20000) + (r.nextInt(50) == 0 ? 40000 : 0);
		float[] all = new float[15000];
		for (int k = 0; k < 3; k++) System.arraycopy(planes[k], 0, all, k * 5000, 5000);
		Arrays.sort(all);
		IntensityRange range = Percentiles.range(3, i -> planes[i], Percentiles.LOW, Percentiles.HIGH);
		// bins narrower than one level hold one value each: the percentile is numpy's 'lower' one
		assertEquals(lower(all, 0.001), range.low(), 0);
		assertEquals(lower(all, 0.999), range.high(), 0);
	}

	@Test
	void integerDataIsReadOnceAndFloatDataTwiceWithTheSameRule() {
		Random r = new Random(5);
		float[][] planes = new float[4][3000];
		for (float[] p : planes) for (int i = 0; i < p.length; i++) p[i] = r.nextInt(65536);
		planes[2][17] = Float.NaN;
		int[] reads = new int[1];
		IntensityRange levels = Percentiles.range(4, i -> {
			reads[0]++;
			return planes[i];
		}, Percentiles.LOW, Percentiles.HIGH);
		assertEquals(4, reads[0], "16-bit data: one read per plane");
		// the same values a hair off the integers go through the two-pass histogram: the same order statistics, shifted
		float[][] shifted = new float[4][];
		for (int k = 0; k < 4; k++) {
			shifted[k] = planes[k].clone();
			for (int i = 0; i < shifted[k].length; i++) shifted[k][i] += 0.25f;
		}
		reads[0] = 0;
		IntensityRange floats = Percentiles.range(4, i -> {
			reads[0]++;
			return shifted[i];
		}, Percentiles.LOW, Percentiles.HIGH);
		assertEquals(8, reads[0], "float data: a min/max pass, then the histogram");
		assertEquals(levels.low() + 0.25, floats.low(), 0);
		assertEquals(levels.high() + 0.25, floats.high(), 0);
		float[] all = new float[4 * 3000 - 1];
		int n = 0;
		for (float[] p : planes) for (float v : p) if (!Float.isNaN(v)) all[n++] = v;
		Arrays.sort(all);
		assertEquals(lower(all, 0.001), levels.low(), 0);
		assertEquals(lower(all, 0.999), levels.high(), 0);
	}

	private static double lower(float[] sorted, double q) {
		return sorted[(int) Math.floor(q * (sorted.length - 1))];
	}

	@Test
	void nonFiniteValuesAreIgnoredAndConstantsComeBackExactly() {
		float[] p = { Float.NaN, 7, Float.POSITIVE_INFINITY, 7, 7 };
		IntensityRange constant = Percentiles.range(1, i -> p, Percentiles.LOW, Percentiles.HIGH);
		assertEquals(new IntensityRange(7, 7), constant);
		assertEquals(7.0, constant.fromUnit(constant.toUnit(7)), 0);
		assertEquals(new IntensityRange(0, 0), Percentiles.range(1, i -> new float[]{ Float.NaN }, Percentiles.LOW,
			Percentiles.HIGH));
	}

	@Test
	void theMapIsLinearAndRoundTrips() {
		IntensityRange r = new IntensityRange(100, 1100);
		assertEquals(0f, r.toUnit(100));
		assertEquals(1f, r.toUnit(1100));
		assertEquals(0.25f, r.toUnit(350));
		assertEquals(1000, r.levelsPerUnit());
		assertEquals(1234.5, r.fromUnit(r.toUnit(1234.5)), 1e-3);
		assertThrows(IllegalArgumentException.class, () -> new IntensityRange(5, 4));
		assertThrows(IllegalArgumentException.class, () -> new IntensityRange(Double.NaN, 4));
	}

	@Test
	void samplesAreRoundedAndClampedToTheirTypeAndFloatsKept() {
		assertEquals(255, SampleEncoding.encode(1.2f, IntensityRange.EIGHT_BIT, 8));
		assertEquals(0, SampleEncoding.encode(-0.1f, IntensityRange.EIGHT_BIT, 8));
		assertEquals(0, SampleEncoding.encode(Float.NaN, IntensityRange.EIGHT_BIT, 8));
		assertEquals(128, SampleEncoding.encode(0.5f, IntensityRange.EIGHT_BIT, 8), "127.5 rounds half up");
		IntensityRange sixteen = new IntensityRange(1000, 61000);
		assertEquals(65535, SampleEncoding.encode(1.5f, sixteen, 16));
		assertEquals(31000, SampleEncoding.encode(0.5f, sixteen, 16));
		assertEquals(-29000, SampleEncoding.encode(-0.5f, sixteen, 32), 1e-2, "32-bit keeps values beyond the range");
		assertThrows(IllegalArgumentException.class, () -> SampleEncoding.encode(0, sixteen, 12));
	}
}
