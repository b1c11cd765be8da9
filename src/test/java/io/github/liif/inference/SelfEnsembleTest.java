package io.github.liif.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.liif.TinyModels;
import io.github.liif.catalogue.Models;
import io.github.liif.image.Degradation;
import io.github.liif.image.PlanarImage;
import io.github.liif.network.DecoderMode;
import io.github.liif.network.LiifNetwork;
import org.junit.jupiter.api.Test;

/**
 * The self-ensemble (mean of the predictions on the 8 flips and rotations) and its spread: the
 * ensemble of a transformed input is the transformed ensemble, tiles and regions change nothing,
 * and the spread is small on flat ground and large at an edge.
 */
class SelfEnsembleTest {

	private static final UpscaleOptions EIGHT = UpscaleOptions.DEFAULT.withEnsemble(8);

	@Test
	void theEnsembleOfATransformedInputIsTheTransformedEnsemble() {
		PlanarImage in = TiledUpscaleTest.random(3, 13, 17, 5);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(3, true, 4), Device.cpu())) {
			Upscaler upscaler = new Upscaler(net, EIGHT);
			PlanarImage plain = upscaler.upscale(in, 31, 40, Monitor.NONE);
			for (Dihedral t : Dihedral.ALL) {
				PlanarImage transformed = upscaler.upscale(t.apply(in), t.height(31, 40), t.width(31, 40), Monitor.NONE);
				double diff = TiledUpscaleTest.maxDiff(t.apply(plain), transformed);
				assertTrue(diff < 2e-5, t + ": " + diff);
			}
			// and it is not the network alone: the 8 predictions differ for a random model
			assertTrue(TiledUpscaleTest.maxDiff(plain, new Upscaler(net, UpscaleOptions.DEFAULT).upscale(in, 31, 40,
				Monitor.NONE)) > 1e-3);
		}
	}

	@Test
	void tilesAndRegionsGiveTheWholeMeanAndSpread() {
		PlanarImage in = TiledUpscaleTest.random(1, 30, 26, 8);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(1, true, 9), Device.cpu())) {
			Upscaler whole = new Upscaler(net, EIGHT.withConsistency(new Consistency(1, Degradation.BICUBIC)));
			Upscaler tiled = new Upscaler(net, new UpscaleOptions(8, 37, DecoderMode.REFERENCE, new Consistency(1,
				Degradation.BICUBIC), 8));
			assertTrue(TiledUpscaleTest.maxDiff(whole.upscale(in, 75, 61, Monitor.NONE), tiled.upscale(in, 75, 61,
				Monitor.NONE)) < 2e-5);
			float[] spreadWhole = spread(whole, in, 75, 61, OutputRegion.whole(75, 61));
			float[] spreadTiled = spread(tiled, in, 75, 61, OutputRegion.whole(75, 61));
			float[] corner = spread(tiled, in, 75, 61, new OutputRegion(40, 30, 35, 31));
			for (int y = 0; y < 35; y++) {
				for (int x = 0; x < 31; x++) {
					assertEquals(spreadWhole[(40 + y) * 61 + 30 + x], corner[y * 31 + x], 2e-5);
					assertEquals(spreadWhole[(40 + y) * 61 + 30 + x], spreadTiled[(40 + y) * 61 + 30 + x], 2e-5);
				}
			}
		}
	}

	@Test
	void theSpreadIsSmallOnFlatGroundAndLargeAtAnEdge() throws Exception {
		// a dark half and a bright half: the bundled microscopy model agrees with itself away from the edge
		float[] v = new float[40 * 40];
		for (int i = 0; i < v.length; i++) v[i] = i % 40 < 20 ? 0.2f : 0.7f;
		PlanarImage in = new PlanarImage(40, 40, new float[][]{ v });
		try (LiifNetwork net = LiifNetwork.create(Models.load("microscopy", false).weights(), Device.cpu())) {
			float[] s = spread(new Upscaler(net, EIGHT), in, 120, 120, OutputRegion.whole(120, 120));
			double flat = 0;
			double edge = 0;
			for (int y = 30; y < 90; y++) {
				flat = Math.max(flat, s[y * 120 + 20]);
				edge = Math.max(edge, s[y * 120 + 60]);
			}
			assertTrue(flat < 0.002, "flat: " + flat);
			assertTrue(edge > 10 * flat && edge > 0.002, "edge " + edge + " vs flat " + flat);
		}
	}

	@Test
	void onlyOneOrEightPredictions() {
		assertThrows(IllegalArgumentException.class, () -> UpscaleOptions.DEFAULT.withEnsemble(4));
	}

	private static float[] spread(Upscaler upscaler, PlanarImage in, int outH, int outW, OutputRegion region) {
		float[] out = new float[region.height() * region.width()];
		upscaler.uncertainty(in, outH, outW, region, (y0, x0, h, w, values) -> {
			for (int y = 0; y < h; y++)
				System.arraycopy(values, y * w, out, (y0 - region.y0() + y) * region.width() + x0 - region.x0(), w);
		}, Monitor.NONE);
		return out;
	}
}
