package io.github.liif.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.liif.Fixtures;
import io.github.liif.image.PlanarImage;
import io.github.liif.model.LiifModel;
import io.github.liif.model.Weights;
import io.github.liif.network.DecoderMode;
import io.github.liif.network.LiifNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Our outputs against the reference LIIF code's own outputs, every switch, both decoder modes. */
class ReferenceFixturesTest {

	@ParameterizedTest(name = "{0} at {1}x{2}, {3}")
	@CsvSource({ "tiny, 23, 17, SPLIT", "tiny, 53, 41, SPLIT", "tiny, 29, 50, SPLIT", "tiny, 131, 103, SPLIT",
		"tiny, 23, 17, REFERENCE", "tiny, 53, 41, REFERENCE", "tiny, 29, 50, REFERENCE", "tiny, 131, 103, REFERENCE",
		"tiny-no-ensemble, 23, 17, SPLIT", "tiny-no-ensemble, 53, 41, SPLIT", "tiny-no-ensemble, 29, 50, REFERENCE",
		"tiny-no-ensemble, 131, 103, REFERENCE", "tiny-no-unfold, 23, 17, SPLIT", "tiny-no-unfold, 53, 41, REFERENCE",
		"tiny-no-unfold, 29, 50, SPLIT", "tiny-no-unfold, 131, 103, REFERENCE", "tiny-no-cell, 23, 17, REFERENCE",
		"tiny-no-cell, 53, 41, SPLIT", "tiny-no-cell, 29, 50, REFERENCE", "tiny-no-cell, 131, 103, SPLIT",
		// RDN encoder: outputs of the independent PyTorch implementation in tools/fixtures/make_fixtures.py
		"rdn-tiny, 53, 41, SPLIT", "rdn-tiny, 29, 50, REFERENCE" })
	void matchesReferenceOutput(String model, int w, int h, DecoderMode mode) throws Exception {
		assertMatches(model, "input-23x17.png", w, h, mode);
	}

	/**
	 * 24 encoder features on a 64 x 48 input, hidden layers 40 wide: widths whose 3 x 3 layers (the
	 * encoder's, and the SPLIT latent table's) and 1 x 1 layers libtorch 2.7.1's oneDNN computed
	 * wrongly under AVX-512 (network.Layers.conv pads the first, Layers.dense multiplies the second
	 * with MKL); the suite runs at the processor's own instruction set.
	 */
	@ParameterizedTest(name = "edsr24-tiny, {0}")
	@EnumSource(DecoderMode.class)
	void matchesReferenceOutputForAWidthOneDnnGotWrong(DecoderMode mode) throws Exception {
		assertMatches("edsr24-tiny", "input-64x48.png", 150, 100, mode);
	}

	private static void assertMatches(String model, String inputName, int w, int h, DecoderMode mode) throws Exception {
		LiifModel m = Fixtures.model(model + ".pth");
		PlanarImage input = Fixtures.rgb(inputName);
		Weights expected = Fixtures.npy(model + "-out-" + w + "x" + h + ".npy");
		assertArrayEquals(new long[]{ h, w, 3 }, expected.shape());
		try (LiifNetwork net = LiifNetwork.create(m.weights(), Device.cpu())) {
			PlanarImage out = new Upscaler(net, UpscaleOptions.DEFAULT.withMode(mode)).upscale(input, h, w, Monitor.NONE);
			double max = 0;
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					for (int c = 0; c < 3; c++) {
						max = Math.max(max, Math.abs(out.get(c, y, x) - expected.data()[(y * w + x) * 3 + c]));
					}
				}
			}
			assertTrue(max < 2e-5, "max |ours - reference| = " + max);
		}
	}
}
