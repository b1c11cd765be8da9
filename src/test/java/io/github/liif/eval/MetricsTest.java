package io.github.liif.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.liif.image.PlanarImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MetricsTest {

	static PlanarImage constant(int c, int size, float v) {
		float[][] p = new float[c][size * size];
		for (float[] plane : p) Arrays.fill(plane, v);
		return new PlanarImage(size, size, p);
	}

	@Test
	void psnrOfAKnownErrorAndTheBorderShave() {
		// gray: an error of 0.1 everywhere is an MSE of 0.01, i.e. exactly 20 dB
		assertEquals(20.0, Metrics.psnr(constant(1, 20, 0.6f), constant(1, 20, 0.5f), 2), 1e-4);
		// errors only in the shaved border do not count: 0.05 inside -> 26.0206 dB
		PlanarImage p = constant(1, 20, 0.55f);
		for (int x = 0; x < 20; x++) p.plane(0)[x] = 0.9f;
		assertEquals(26.0206, Metrics.psnr(p, constant(1, 20, 0.5f), 1), 1e-3);
	}

	@Test
	void rgbIsScoredOnBt601LumaWithPredictionsClamped() {
		// a gray error d in R = G = B changes Y by d * (65.738 + 129.057 + 25.064) / 256
		double dy = 0.1 * (65.738 + 129.057 + 25.064) / 256;
		assertEquals(-10 * Math.log10(dy * dy), Metrics.psnr(constant(3, 16, 0.6f), constant(3, 16, 0.5f), 0), 1e-3);
		float[] y = Metrics.luma(constant(3, 2, 1f), false);
		assertEquals((65.738 + 129.057 + 25.064) / 256 + 16.0 / 255, y[0], 1e-6);
		// predictions above 1 are clamped before scoring: 1.5 scores like 1.0
		assertEquals(Metrics.psnr(constant(1, 16, 1f), constant(1, 16, 0.9f), 0), Metrics.psnr(constant(1, 16, 1.5f), constant(1,
			16, 0.9f), 0), 1e-9);
	}

	@Test
	void ssimOfIdenticalAndOfShiftedConstantImages() {
		assertEquals(1.0, Metrics.ssim(constant(1, 24, 0.3f), constant(1, 24, 0.3f), 0), 1e-9);
		// constant images: variances 0, so SSIM = (2 a b + C1) / (a^2 + b^2 + C1)
		double a = 0.6, b = 0.4, c1 = 1e-4;
		assertEquals((2 * a * b + c1) / (a * a + b * b + c1), Metrics.ssim(constant(1, 24, 0.6f), constant(1, 24, 0.4f), 2),
			1e-5);
		assertThrows(IllegalArgumentException.class, () -> Metrics.ssim(constant(1, 12, 0f), constant(1, 12, 0f), 2));
	}

	@Test
	void aSixteenBitBiasReadsOnAnEightBitScaleByItsRange() {
		EvalRow wide = new EvalRow("membranes", 8, 25, 23, 0.8, 0.7, new double[]{ 1.03 }, new double[]{ -3.14 }, 18042);
		assertEquals(1.03 * 255 / 18042, wide.onEightBitScale(wide.worstBias()), 1e-12);
		EvalRow eightBit = new EvalRow("photo", 2, 30, 28, 0.9, 0.8, new double[]{ 0.4, -0.6, 0.1 }, new double[3], 255);
		assertEquals(-0.6, eightBit.onEightBitScale(eightBit.worstBias()), 1e-12);
	}
}
