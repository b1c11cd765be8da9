package io.github.liif.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.liif.TinyModels;
import io.github.liif.image.AxisTaps;
import io.github.liif.image.Degradation;
import io.github.liif.image.PlanarImage;
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
		float[] up = AxisTaps.resample(AxisTaps.linear(2, 4), AxisTaps.identity(1), new float[]{ 0, 10 }, 0, 0, 2, 1, 0, 0, 4, 1);
		assertArrayEquals(new float[]{ 0, 2.5f, 7.5f, 10 }, up, 1e-6f);
	}

	private static AxialEvaluation.Volume volume(int nz, int h, int w, long seed, boolean rampOnly) {
		Random r = new Random(seed);
		float[] v = new float[nz * h * w];
		for (int z = 0; z < nz; z++) {
			for (int i = 0; i < h * w; i++) v[z * h * w + i] = rampOnly ? 0.1f + 0.03f * z : 0.2f + 0.6f * r.nextFloat();
		}
		return new AxialEvaluation.Volume("v", new float[][]{ v }, nz, h, w, false, 1000);
	}

	@Test
	void aSilencedResidualModelScoresExactlyAsCubicAndLinearRestoresARampAlongZ() {
		try (LiifNetwork net = LiifNetwork.create(TinyModels.silenced(TinyModels.randomEdsr(1, true, GlobalResidual.BICUBIC, 2)),
			Device.cpu()))
		{
			AxialUpscaler bicubic = new AxialUpscaler(new Upscaler(net, UpscaleOptions.DEFAULT), AxialUpscaler.Planes.BOTH);
			AxialEvaluation eval = new AxialEvaluation(Degradation.BICUBIC, 0, 1, 0);
			AxialEvaluation.Row row = eval.score(bicubic, volume(13, 9, 10, 1, false), 2);
			assertEquals(row.psnrCubic(), row.psnr(), 1e-3);
			assertEquals(row.biasCubic(), row.bias(), 1e-3);
			assertTrue(row.psnrLinear() != row.psnrCubic(), "the baselines differ");
			// a ramp along Z, area-reduced, is a ramp: linear interpolation restores it inside the shaved ends
			AxialEvaluation.Row ramp = new AxialEvaluation(Degradation.AREA, 0, 1, 0).score(bicubic, volume(16, 8, 8, 2, true),
				2);
			assertTrue(ramp.psnrLinear() > 100, "linear restores a ramp: " + ramp.psnrLinear());
			assertEquals(0, ramp.biasLinear(), 1e-3);
			assertNull(eval.score(bicubic, volume(5, 8, 8, 3, false), 3), "too few slices for x3");
		}
	}

	@Test
	void theAxialDegradationBlursAndReducesTheRowsAndLeavesColumnsAlone() {
		// 4 rows x 3 columns; area by 2 along rows without blur: the means of row pairs, columns as they were
		float[] hr = { 0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32 };
		assertArrayEquals(new float[]{ 5, 6, 7, 25, 26, 27 }, Degradation.AREA.applyAxial(hr, 4, 3, 2, 3, 0, false), 1e-5f);
		// a blur along rows only: a profile constant along the rows stays, whatever the blur
		float[] stripes = new float[20 * 5];
		for (int i = 0; i < stripes.length; i++) stripes[i] = (i % 5) / 5f;
		float[] lr = Degradation.BICUBIC.applyAxial(stripes, 20, 5, 7, 5, 2.0, false);
		for (int i = 0; i < lr.length; i++) assertEquals((i % 5) / 5f, lr[i], 1e-6);
	}

	@Test
	void theAxialProtocolOfTrainingValidationKeepsTheWidthAndASilencedModelIsItsBicubic() {
		float[] plane = new float[40 * 36];
		Random r = new Random(4);
		for (int i = 0; i < plane.length; i++) plane[i] = r.nextFloat();
		Evaluation.Image image = new Evaluation.Image("img", new PlanarImage(40, 36, new float[][]{ plane }), false);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.silenced(TinyModels.randomEdsr(1, true, GlobalResidual.BICUBIC, 2)),
			Device.cpu()))
		{
			EvalRow row = Evaluation.axial(Degradation.AREA, 1.0, false).score(new Upscaler(net, UpscaleOptions.DEFAULT), image,
				3);
			assertEquals(row.psnrBicubic(), row.psnr(), 1e-3);
			EvalRow isotropic = new Evaluation(Degradation.AREA, false).score(new Upscaler(net, UpscaleOptions.DEFAULT), image,
				3);
			assertTrue(row.psnrBicubic() > isotropic.psnrBicubic() + 1, "reducing one axis loses less than reducing both: " + row
				.psnrBicubic() + " vs " + isotropic.psnrBicubic());
		}
	}
}
