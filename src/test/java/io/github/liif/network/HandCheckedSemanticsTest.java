package io.github.liif.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import io.github.liif.TinyModels;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.LiifModelWeights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** LIIF's rules checked on models whose outputs can be worked out by hand. */
class HandCheckedSemanticsTest {

	private static PlanarImage run(LiifModelWeights model, int lrH, int lrW, int outH, int outW, DecoderMode mode) {
		try (LiifNetwork net = LiifNetwork.create(model, Device.cpu())) {
			PlanarImage zeros = PlanarImage.zeros(2, lrH, lrW);
			return new Upscaler(net, UpscaleOptions.DEFAULT.withMode(mode)).upscale(zeros, outH, outW, Monitor.NONE);
		}
	}

	/** Decoder output v maps back as v * 0.5 + 0.5; undo it. */
	private static float decoded(PlanarImage out, int c, int y, int x) {
		return (out.get(c, y, x) - 0.5f) / 0.5f;
	}

	@ParameterizedTest
	@EnumSource(DecoderMode.class)
	void withoutEnsembleTheNearestLatentGivesRelativeCoordinatesInHalfPixelUnits(DecoderMode mode) {
		// 2 x 2 LR latents at -0.5, 0.5; 4 x 4 output centres at -0.75, -0.25, 0.25, 0.75: the nearest
		// latent is 0.25 away, i.e. half an LR pixel (LR pixel = 1.0) -> rel = +-0.25 * 2 = +-0.5
		int relY = 2 * 9; // latent width 9C with C = 2 encoder features
		PlanarImage out = run(TinyModels.passThrough(false, relY, relY + 1), 2, 2, 4, 4, mode);
		float[] expected = { -0.5f, 0.5f, -0.5f, 0.5f };
		for (int i = 0; i < 4; i++) {
			assertEquals(expected[i], decoded(out, 0, i, 0), 1e-6, "rel_y at row " + i);
			assertEquals(expected[i], decoded(out, 1, 0, i), 1e-6, "rel_x at column " + i);
		}
	}

	@ParameterizedTest
	@EnumSource(DecoderMode.class)
	void cellIsTheQueryPixelSizeTimesTheLatentGridPerAxis(DecoderMode mode) {
		// 3 x 5 LR to 7 x 12 output: cell = (2 / 7 * 3, 2 / 12 * 5), same for every pixel and every
		// ensemble member, so the blend returns it unchanged
		int cellY = 2 * 9 + 2;
		PlanarImage out = run(TinyModels.passThrough(true, cellY, cellY + 1), 3, 5, 7, 12, mode);
		for (int y = 0; y < 7; y++) {
			for (int x = 0; x < 12; x++) {
				assertEquals(2.0 / 7 * 3, decoded(out, 0, y, x), 1e-6);
				assertEquals(2.0 / 12 * 5, decoded(out, 1, y, x), 1e-6);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(DecoderMode.class)
	void ensembleBlendOfRelativeCoordinatesIsBilinearlyWeighted(DecoderMode mode) {
		// LR 2 x 2 (centres -0.5, 0.5), output 4 x 4. Output row 1 (y = -0.25) has latent rows 0 and 1
		// at rel -> (-0.25 - (-0.5)) * 2 = 0.5 and (-0.25 - 0.5) * 2 = -1.5. The weights use the
		// diagonally opposite areas: row 0's prediction gets |-1.5| / 2 = 0.75, row 1's 0.5 / 2 = 0.25,
		// so the blended rel_y = 0.75 * 0.5 + 0.25 * (-1.5) = 0. At the border row 0 (y = -0.75) both
		// shifts clamp to latent row 0 (rel -0.5 both), so the blend is -0.5.
		int relY = 2 * 9;
		PlanarImage out = run(TinyModels.passThrough(true, relY, relY + 1), 2, 2, 4, 4, mode);
		assertEquals(0.0, decoded(out, 0, 1, 1), 1e-6);
		assertEquals(-0.5, decoded(out, 0, 0, 1), 1e-6);
		assertEquals(0.5, decoded(out, 0, 3, 1), 1e-6);
		assertEquals(0.0, decoded(out, 1, 1, 2), 1e-6);
	}
}
