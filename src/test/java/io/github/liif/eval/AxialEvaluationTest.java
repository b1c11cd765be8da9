package io.github.liif.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.liif.TinyModels;
import io.github.liif.image.AxisTaps;
import io.github.liif.image.Degradation;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.GlobalResidual;
import io.github.liif.network.LiifNetwork;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reduce-and-restore along Z: the baselines by hand, and a silenced residual model is exactly the cubic baseline. */
class AxialEvaluationTest {

	@Test
	void linearTapsInterpolateBetweenCentresAndClampAtTheEnds() {
		float[] up = AxisTaps.resample(AxisTaps.linear(2, 4), AxisTaps.identity(1), new float[] { 0, 10 }, 0, 0, 2, 1, 0, 0, 4, 1);
		assertArrayEquals(new float[] { 0, 2.5f, 7.5f, 10 }, up, 1e-6f);
	}

	private static AxialEvaluation.Volume volume(int nz, int h, int w, long seed, boolean rampOnly) {
		Random r = new Random(seed);
		float[] v = new float[nz * h * w];
		for (int z = 0; z < nz; z++) {
			for (int i = 0; i < h * w; i++) v[z * h * w + i] = rampOnly ? 0.1f + 0.03f * z : 0.2f + 0.6f * r.nextFloat();
		}
		return new AxialEvaluation.Volume("v", new float[][] { v }, nz, h, w, false, 1000);
	}

	@Test
	void aSilencedResidualModelScoresExactlyAsCubicAndLinearRestoresARampAlongZ() {
		try (LiifNetwork net = LiifNetwork.create(TinyModels.silenced(TinyModels.randomEdsr(1, true, GlobalResidual.BICUBIC, 2)), Device
			.cpu()))
		{
			AxialUpscaler bicubic = new AxialUpscaler(new Upscaler(net, UpscaleOptions.DEFAULT), AxialUpscaler.Planes.BOTH);
			AxialEvaluation eval = new AxialEvaluation(Degradation.BICUBIC, 0);
			AxialEvaluation.Row row = eval.score(bicubic, volume(13, 9, 10, 1, false), 2, io.github.liif.inference.Monitor.NONE);
			assertEquals(row.psnrCubic(), row.psnr(), 1e-3);
			assertEquals(row.biasCubic(), row.bias(), 1e-3);
			assertTrue(row.psnrLinear() != row.psnrCubic(), "the baselines differ");
			// a ramp along Z, area-reduced, is a ramp: linear interpolation restores it inside the shaved ends
			AxialEvaluation.Row ramp = new AxialEvaluation(Degradation.AREA, 0).score(bicubic, volume(16, 8, 8, 2, true), 2,
				io.github.liif.inference.Monitor.NONE);
			assertTrue(ramp.psnrLinear() > 100, "linear restores a ramp: " + ramp.psnrLinear());
			assertEquals(0, ramp.biasLinear(), 1e-3);
			assertNull(eval.score(bicubic, volume(5, 8, 8, 3, false), 3, io.github.liif.inference.Monitor.NONE), "too few slices for x3");
		}
	}
}
