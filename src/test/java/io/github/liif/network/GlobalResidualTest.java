package io.github.liif.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.liif.TinyModels;
import io.github.liif.image.Bicubic;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.io.ModelFiles;
import io.github.liif.model.GlobalResidual;
import io.github.liif.model.LiifModel;
import io.github.liif.model.LiifModelWeights;
import io.github.liif.model.ModelDescriptor;
import io.github.liif.model.ModelFormatException;
import io.github.liif.model.SpecInference;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The global residual: result = PIL bicubic of the input + the decoder's output, exact under tiling, stored in files. */
class GlobalResidualTest {

	@TempDir
	Path dir;

	private static PlanarImage random(int c, int h, int w, long seed) {
		Random r = new Random(seed);
		float[][] p = new float[c][h * w];
		for (float[] plane : p) for (int i = 0; i < plane.length; i++) plane[i] = r.nextFloat();
		return new PlanarImage(h, w, p);
	}

	private static PlanarImage upscale(LiifModelWeights model, PlanarImage in, int outH, int outW, int tile, DecoderMode mode) {
		try (LiifNetwork net = LiifNetwork.create(model, Device.cpu())) {
			return new Upscaler(net, new UpscaleOptions(tile, 53, mode)).upscale(in, outH, outW, Monitor.NONE);
		}
	}

	@Test
	void aSilentDecoderGivesPilBicubicAtAnyScaleTiledOrNot() {
		LiifModelWeights model = TinyModels.silenced(TinyModels.randomEdsr(3, true, GlobalResidual.BICUBIC, 5));
		PlanarImage in = random(3, 29, 37, 2);
		int outH = 61;
		int outW = 83;
		for (int tile : new int[]{ 4096, 8 }) {
			PlanarImage out = upscale(model, in, outH, outW, tile, DecoderMode.SPLIT);
			for (int c = 0; c < 3; c++) {
				float[] expected = Bicubic.resize(in.plane(c), 29, 37, outH, outW);
				assertArrayEquals(expected, out.plane(c), 2e-6f, "channel " + c + ", tile " + tile);
			}
		}
	}

	@Test
	void tiledEqualsUntiledAndBothDecoderModesAgree() {
		LiifModelWeights model = TinyModels.randomEdsr(1, true, GlobalResidual.BICUBIC, 9);
		PlanarImage in = random(1, 23, 31, 4);
		PlanarImage whole = upscale(model, in, 57, 100, 4096, DecoderMode.REFERENCE);
		PlanarImage tiled = upscale(model, in, 57, 100, 8, DecoderMode.SPLIT);
		assertArrayEquals(whole.plane(0), tiled.plane(0), 1e-5f);
		PlanarImage plain = upscale(new LiifModelWeights(model.spec().toBuilder().globalResidual(GlobalResidual.NONE).build(),
			model.stateDict()), in, 57, 100, 4096, DecoderMode.REFERENCE);
		float[] bicubic = Bicubic.resize(in.plane(0), 23, 31, 57, 100);
		// the same weights without the residual differ by exactly the base, in the normalised space (x 2, then / 2 back)
		for (int i = 0; i < bicubic.length; i += 97) {
			assertEquals(plain.plane(0)[i] + bicubic[i] - 0.5f, whole.plane(0)[i], 2e-5f, "pixel " + i);
		}
	}

	@Test
	void roundTripsThroughLiifAndSafetensorsAndReferenceFormsStayReference() throws Exception {
		LiifModel m = new LiifModel(TinyModels.randomEdsr(3, true, GlobalResidual.BICUBIC, 3), new ModelDescriptor("res", 1, 4,
			null));
		ModelFiles.save(m, dir.resolve("m.liif"), false);
		ModelFiles.exportSafetensors(m, dir.resolve("m.safetensors"), false);
		PlanarImage in = random(3, 12, 10, 1);
		PlanarImage expected = upscale(m.weights(), in, 30, 25, 4096, DecoderMode.SPLIT);
		for (String file : new String[]{ "m.liif", "m.safetensors" }) {
			LiifModel back = ModelFiles.load(dir.resolve(file));
			assertEquals(GlobalResidual.BICUBIC, back.spec().globalResidual(), file);
			assertEquals(m.spec(), back.spec(), file);
			assertArrayEquals(expected.plane(1), upscale(back.weights(), in, 30, 25, 4096, DecoderMode.SPLIT).plane(1), file);
		}
		assertEquals("bicubic", m.spec().referenceArgs().get("global_residual"));
		assertFalse(TinyModels.randomEdsr(3, true, 3).spec().referenceArgs().containsKey("global_residual"),
			"the reference's form exports the reference's args");
	}

	@Test
	void anUnknownResidualIsRefusedWithAMessageAndChannelsMustMatch() {
		LiifModelWeights model = TinyModels.randomEdsr(1, true, 3);
		Map<String, Object> args = new LinkedHashMap<>(model.spec().referenceArgs());
		args.put("global_residual", "wavelet");
		ModelFormatException e = assertThrows(ModelFormatException.class, () -> SpecInference.infer(model.stateDict(), args));
		assertTrue(e.getMessage().contains("wavelet") && e.getMessage().contains("newer version"), e.getMessage());
		IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> model.spec().toBuilder().outChannels(3)
			.globalResidual(GlobalResidual.BICUBIC).build());
		assertTrue(bad.getMessage().contains("1 -> 3"), bad.getMessage());
	}
}
