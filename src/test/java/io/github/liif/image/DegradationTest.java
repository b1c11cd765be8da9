package io.github.liif.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The degradations by hand: names, area means, bicubic's identity at one size, the noise's statistics, the taps. */
class DegradationTest {

	@Test
	void namesRoundTripAndUnknownOnesSayWhatExists() {
		for (Degradation d : Degradation.values()) assertEquals(d, Degradation.parse(d.id()));
		assertEquals(Degradation.BLUR_NOISE, Degradation.parse(" Blur-Noise "));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Degradation.parse("jpeg")).getMessage().contains(
			"bicubic, area or blur-noise"));
	}

	@Test
	void areaIsTheMeanOfEachBlockAndBicubicAtTheSameSizeIsTheIdentity() {
		float[] hr = { 1, 3, 5, 7, 2, 4, 6, 8 };
		assertArrayEquals(new float[]{ 2.5f, 6.5f }, Degradation.AREA.apply(hr, 2, 4, 1, 2, false, 0, () -> 0), 1e-6f);
		assertArrayEquals(hr, Degradation.BICUBIC.apply(hr, 2, 4, 2, 4, false, 0, () -> 0), 1e-6f);
	}

	@Test
	void blurNoiseAddsZeroMeanNoiseOfTheGivenLevelAndKeepsAFlatField() {
		float[] flat = new float[64 * 64];
		Arrays.fill(flat, 0.5f);
		Random r = new Random(1);
		double noise = 0.02;
		float[] lr = Degradation.BLUR_NOISE.apply(flat, 64, 64, 32, 32, false, noise, r::nextGaussian);
		double mean = 0;
		double var = 0;
		for (float v : lr) mean += v / lr.length;
		for (float v : lr) var += (v - mean) * (v - mean) / lr.length;
		assertEquals(0.5, mean, 0.002);
		// shot noise gain * signal + read noise^2
		assertEquals(noise * 0.5 + noise * noise, var, 0.1 * (noise * 0.5 + noise * noise));
		float[] clean = Degradation.BLUR_NOISE.apply(flat, 64, 64, 32, 32, false, 0, r::nextGaussian);
		for (float v : clean) assertEquals(0.5f, v, 1e-6f);
	}

	@Test
	void tapsAreTheSameLinearMapsAsTheResamplers() {
		Random r = new Random(2);
		float[] hr = new float[30 * 20];
		for (int i = 0; i < hr.length; i++) hr[i] = r.nextFloat();
		for (Degradation d : new Degradation[]{ Degradation.BICUBIC, Degradation.AREA }) {
			float[] direct = d.apply(hr, 30, 20, 12, 8, false, 0, () -> 0);
			float[] taps = AxisTaps.resample(d.taps(30, 12, 0), d.taps(20, 8, 0), hr, 0, 0, 30, 20, 0, 0, 12, 8);
			assertArrayEquals(direct, taps, 1e-5f, d.id());
		}
	}
}
