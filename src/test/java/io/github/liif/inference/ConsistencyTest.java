package io.github.liif.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.liif.TinyModels;
import io.github.liif.image.Bicubic;
import io.github.liif.image.Degradation;
import io.github.liif.image.PlanarImage;
import io.github.liif.image.Resampling;
import io.github.liif.network.DecoderMode;
import io.github.liif.network.LiifNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Back-projection after the network: the whole-image formula, and exact under tiling and regions. */
class ConsistencyTest {

	private static final UpscaleOptions WHOLE = new UpscaleOptions(4096, 100_000, DecoderMode.SPLIT);

	/** x + U(y - D(x)) on whole planes, with the image package's own resamplers. */
	private static PlanarImage byTheFormula(PlanarImage x, PlanarImage y, Degradation d) {
		int h = x.height();
		int w = x.width();
		float[][] out = new float[x.channels()][];
		for (int c = 0; c < x.channels(); c++) {
			float[] reduced = switch (d) {
				case BICUBIC -> Bicubic.resize(x.plane(c), h, w, y.height(), y.width());
				case AREA -> Resampling.area(x.plane(c), h, w, y.height(), y.width());
				case BLUR_NOISE -> Resampling.area(Resampling.gaussian(x.plane(c), h, w, 0.5 * Math.max(h / (double) y.height(), w
					/ (double) y.width())), h, w, y.height(), y.width());
			};
			for (int i = 0; i < reduced.length; i++) reduced[i] = y.plane(c)[i] - reduced[i];
			float[] up = Bicubic.resize(reduced, y.height(), y.width(), h, w);
			out[c] = new float[h * w];
			for (int i = 0; i < out[c].length; i++) out[c][i] = x.plane(c)[i] + up[i];
		}
		return new PlanarImage(h, w, out);
	}

	/** x after the {@link FidelityGuard} every upscale with the consistency step ends with. */
	static PlanarImage guarded(PlanarImage x, PlanarImage input) {
		int c = x.channels();
		int n = x.height() * x.width();
		float[] values = new float[n * c];
		for (int i = 0; i < n; i++) for (int k = 0; k < c; k++) values[i * c + k] = x.plane(k)[i];
		new FidelityGuard(input, x.height(), x.width()).guard(0, 0, x.height(), x.width(), values);
		float[][] planes = new float[c][n];
		for (int i = 0; i < n; i++) for (int k = 0; k < c; k++) planes[k][i] = values[i * c + k];
		return new PlanarImage(x.height(), x.width(), planes);
	}

	@ParameterizedTest(name = "{0}: {1}x{2} -> {3}x{4}")
	@CsvSource({ "bicubic, 27, 33, 70, 83", "area, 24, 30, 72, 90", "blur-noise, 25, 21, 61, 50" })
	void oneStepIsTheWholeImageFormulaTiledOrNot(String degradation, int h, int w, int outH, int outW) {
		Degradation d = Degradation.parse(degradation);
		PlanarImage in = TiledUpscaleTest.random(3, h, w, 11);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(3, true, 2), Device.cpu())) {
			PlanarImage plain = new Upscaler(net, WHOLE).upscale(in, outH, outW, Monitor.NONE);
			PlanarImage expected = guarded(byTheFormula(plain, in, d), in);
			Consistency one = new Consistency(1, d);
			PlanarImage whole = new Upscaler(net, WHOLE.withConsistency(one)).upscale(in, outH, outW, Monitor.NONE);
			PlanarImage tiled = new Upscaler(net, new UpscaleOptions(8, 37, DecoderMode.REFERENCE, one)).upscale(in, outH, outW,
				Monitor.NONE);
			assertTrue(TiledUpscaleTest.maxDiff(expected, whole) < 2e-5, "formula vs upscaler: " + TiledUpscaleTest.maxDiff(
				expected, whole));
			assertTrue(TiledUpscaleTest.maxDiff(whole, tiled) < 2e-5, "tiled vs untiled: " + TiledUpscaleTest.maxDiff(whole,
				tiled));
			assertTrue(TiledUpscaleTest.maxDiff(plain, whole) > 1e-3, "the step must change the result");
		}
	}

	@Test
	void twoStepsInRegionsEqualTwoStepsWholeAndEveryPixelComesOnce() {
		PlanarImage in = TiledUpscaleTest.random(1, 30, 26, 5);
		int outH = 75;
		int outW = 65;
		Consistency two = new Consistency(2, Degradation.BICUBIC);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(1, true, 4), Device.cpu())) {
			PlanarImage plain = new Upscaler(net, WHOLE).upscale(in, outH, outW, Monitor.NONE);
			PlanarImage expected = guarded(byTheFormula(byTheFormula(plain, in, Degradation.BICUBIC), in, Degradation.BICUBIC),
				in);
			Upscaler tiled = new Upscaler(net, new UpscaleOptions(8, 64, DecoderMode.SPLIT, two));
			float[] got = new float[outH * outW];
			int[] writes = new int[outH * outW];
			List<OutputRegion> regions = new ArrayList<>();
			regions.add(new OutputRegion(0, 0, 40, 30));
			regions.add(new OutputRegion(0, 30, 40, 35));
			regions.add(new OutputRegion(40, 0, 35, 65));
			for (OutputRegion r : regions) {
				tiled.upscale(in, outH, outW, r, (y0, x0, h, w, values) -> {
					for (int i = 0; i < h * w; i++) {
						int p = (y0 + i / w) * outW + x0 + i % w;
						got[p] = values[i];
						writes[p]++;
					}
				}, Monitor.NONE);
			}
			for (int i = 0; i < got.length; i++) {
				assertEquals(1, writes[i], "pixel " + i + " written once");
				assertEquals(expected.plane(0)[i], got[i], 3e-5, "pixel " + i);
			}
		}
	}

	@Test
	void progressReachesTheWholeRegionOnceAndCancelStopsBetweenBlocks() {
		PlanarImage in = TiledUpscaleTest.random(1, 40, 40, 3);
		Consistency one = new Consistency(1, Degradation.BICUBIC);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(1, true, 4), Device.cpu())) {
			Upscaler tiled = new Upscaler(net, new UpscaleOptions(8, 64, DecoderMode.SPLIT, one));
			long[] last = { -1, -1 };
			boolean[] backwards = { false };
			int[] arrivals = { 0 };
			tiled.upscale(in, 100, 100, (y0, x0, h, w, v) -> {}, new Monitor() {

				@Override
				public void progress(long done, long total) {
					if (done < last[0]) backwards[0] = true;
					if (done == total) arrivals[0]++;
					last[0] = done;
					last[1] = total;
				}

				@Override
				public boolean isCancelled() { return false; }
			});
			assertEquals(100L * 100, last[0]);
			assertEquals(100L * 100, last[1]);
			assertTrue(!backwards[0], "progress never goes back");
			assertEquals(1, arrivals[0], "the end is reported once (a stack's monitor counts it per pass)");
			int[] blocks = { 0 };
			assertThrows(CancelledException.class, () -> tiled.upscale(in, 100, 100, (y0, x0, h, w, v) -> blocks[0]++,
				new Monitor() {

					@Override
					public void progress(long done, long total) {}

					@Override
					public boolean isCancelled() { return blocks[0] >= 2; }
				}));
			assertEquals(2, blocks[0], "stops at the next block once cancelled");
		}
	}

	@Test
	void choicesParseAndResolveAndBadOnesSayWhatToType() {
		assertTrue(Consistency.parse("off").isOff());
		assertEquals(new Consistency(1, null), Consistency.parse("auto"));
		assertEquals(new Consistency(2, Degradation.AREA), Consistency.parse("Area:2"));
		assertEquals(new Consistency(1, Degradation.BLUR_NOISE), Consistency.parse("auto").resolvedFor(Degradation.BLUR_NOISE));
		assertEquals(new Consistency(1, Degradation.AREA), Consistency.parse("area").resolvedFor(Degradation.BICUBIC));
		assertEquals("bicubic:2", Consistency.parse("bicubic:2").id());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Consistency.parse("lanczos"));
		assertTrue(e.getMessage().contains("off, auto, bicubic, area or blur-noise"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Consistency.parse("bicubic:x"));
		assertThrows(IllegalArgumentException.class, () -> Consistency.parse("bicubic:9"));
	}
}
