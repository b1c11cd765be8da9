package io.github.liif.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import io.github.liif.TinyModels;
import io.github.liif.geometry.AxisSampling;
import io.github.liif.image.PlanarImage;
import io.github.liif.model.EdsrSpec;
import io.github.liif.model.LiifModelWeights;
import io.github.liif.model.LiifSpec;
import io.github.liif.network.DecoderMode;
import io.github.liif.network.LiifNetwork;
import io.github.liif.network.StageTimes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tiling, batching, threads and the decoder formulation change nothing beyond float rounding. */
class TiledUpscaleTest {

	static PlanarImage random(int c, int h, int w, long seed) {
		Random r = new Random(seed);
		float[][] p = new float[c][h * w];
		for (float[] plane : p) for (int i = 0; i < plane.length; i++) plane[i] = r.nextFloat();
		return new PlanarImage(h, w, p);
	}

	static double maxDiff(PlanarImage a, PlanarImage b) {
		double max = 0;
		for (int c = 0; c < a.channels(); c++) {
			for (int i = 0; i < a.plane(c).length; i++) max = Math.max(max, Math.abs(a.plane(c)[i] - b.plane(c)[i]));
		}
		return max;
	}

	@ParameterizedTest(name = "{0}: {1}x{2} -> {3}x{4}, tile {5}")
	@CsvSource({ "edsr, 37, 29, 83, 61, 9", "edsr, 31, 40, 31, 107, 11", "edsr, 23, 23, 50, 73, 8", "rdn, 29, 33, 70, 41, 10" })
	void tiledEqualsUntiled(String encoder, int h, int w, int outH, int outW, int tile) {
		LiifModelWeights model = encoder.equals("rdn") ? TinyModels.randomRdn(3, 3) : TinyModels.randomEdsr(3, true, 3);
		PlanarImage in = random(3, h, w, 7);
		try (LiifNetwork net = LiifNetwork.create(model, Device.cpu())) {
			PlanarImage whole = new Upscaler(net, new UpscaleOptions(4096, 100_000, DecoderMode.REFERENCE)).upscale(in, outH,
				outW, Monitor.NONE);
			PlanarImage tiled = new Upscaler(net, new UpscaleOptions(tile, 37, DecoderMode.SPLIT)).upscale(in, outH, outW,
				Monitor.NONE);
			double diff = maxDiff(whole, tiled);
			assertTrue(diff < 1e-5, "tiled vs untiled: " + diff);
			assertTrue(TilePlan.spans(new AxisSampling(outH, h, true), tile, net.spec().tileHalo()).size() > 1,
				"the test must really tile");
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "REFERENCE", "SPLIT" })
	void stageTimesChargeEveryStageAndChangeNothing(DecoderMode mode) {
		PlanarImage in = random(3, 21, 17, 3);
		StageTimes times = new StageTimes();
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(3, true, 3), Device.cpu())) {
			UpscaleOptions options = new UpscaleOptions(8, 50, mode);
			PlanarImage plain = new Upscaler(net, options).upscale(in, 50, 39, Monitor.NONE);
			long start = System.nanoTime();
			PlanarImage timed = new Upscaler(net, options, times).upscale(in, 50, 39, Monitor.NONE);
			double wall = (System.nanoTime() - start) / 1e9;
			assertEquals(0, maxDiff(plain, timed), "timing changes no value");
			double sum = 0;
			for (var e : times.seconds().entrySet()) {
				assertTrue(e.getValue() > 0, e.getKey() + " was never charged");
				sum += e.getValue();
			}
			assertTrue(sum <= wall, "stages " + sum + " s within the call's " + wall + " s");
		}
	}

	/** Batches of whole rows (50 pixels, wider than a tile's 19-pixel rows) and runs of one row (7). */
	@ParameterizedTest(name = "batch {0}")
	@CsvSource({ "50", "7" })
	void everyOutputPixelIsWrittenExactlyOnce(int batch) {
		PlanarImage in = random(1, 30, 19, 1);
		int[] hits = new int[71 * 45];
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(1, true, 5), Device.cpu())) {
			new Upscaler(net, new UpscaleOptions(8, batch, DecoderMode.SPLIT)).upscale(in, 71, 45, (y0, x0, h, w, v) -> {
				assertEquals(h * w, v.length);
				assertTrue(h * w <= batch, "a block of " + h + " x " + w + " in a batch of " + batch);
				for (int y = y0; y < y0 + h; y++) for (int x = x0; x < x0 + w; x++) hits[y * 45 + x]++;
			}, Monitor.NONE);
		}
		for (int hit : hits) assertEquals(1, hit);
	}

	@Test
	void automaticBatchesKeepOneLayersActivationsAtFourMegabytesAndChangeNothing() {
		LiifModelWeights model = TinyModels.randomEdsr(3, true, 3);
		// 4 ensemble shifts x the widest hidden layer, against 2^20 floats
		int widest = Arrays.stream(model.spec().hidden()).max().getAsInt();
		assertEquals((1 << 20) / (4 * widest), UpscaleOptions.DEFAULT.batchPixels(model.spec()));
		LiifSpec paper = LiifSpec.builder(EdsrSpec.baseline(3)).build();
		assertEquals(1024, UpscaleOptions.DEFAULT.batchPixels(paper), "the paper's decoder (4 x 256 hidden)");
		assertEquals(300, new UpscaleOptions(8, 300, DecoderMode.SPLIT).batchPixels(model.spec()), "an explicit batch stays");
		PlanarImage in = random(3, 23, 19, 5);
		try (LiifNetwork net = LiifNetwork.create(model, Device.cpu())) {
			PlanarImage auto = new Upscaler(net, UpscaleOptions.DEFAULT).upscale(in, 61, 50, Monitor.NONE);
			PlanarImage small = new Upscaler(net, new UpscaleOptions(256, 13, DecoderMode.SPLIT)).upscale(in, 61, 50,
				Monitor.NONE);
			assertTrue(maxDiff(auto, small) < 1e-5);
		}
	}

	@Test
	void batchIsAutoOrAPositiveNumber() {
		assertEquals(UpscaleOptions.AUTO_BATCH, UpscaleOptions.parseBatch(" Auto "));
		assertEquals(512, UpscaleOptions.parseBatch("512"));
		for (String bad : new String[]{ "0", "-3", "many", "" }) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpscaleOptions.parseBatch(bad));
			assertEquals("batch must be 'auto' or a positive number of output pixels, got '" + bad + "'", e.getMessage());
		}
		assertThrows(IllegalArgumentException.class, () -> new UpscaleOptions(8, -1, DecoderMode.SPLIT));
	}

	@Test
	void twoThreadsAtOnceGiveTheSingleThreadResults() throws Exception {
		List<PlanarImage> inputs = List.of(random(3, 33, 27, 11), random(3, 25, 31, 12));
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(3, true, 9), Device.cpu())) {
			Upscaler up = new Upscaler(net, new UpscaleOptions(12, 500, DecoderMode.SPLIT));
			List<PlanarImage> expected = new ArrayList<>();
			for (PlanarImage in : inputs) expected.add(up.upscale(in, 70, 55, Monitor.NONE));
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				for (int round = 0; round < 3; round++) {
					List<Future<PlanarImage>> results = new ArrayList<>();
					for (PlanarImage in : inputs) results.add(pool.submit(() -> up.upscale(in, 70, 55, Monitor.NONE)));
					for (int i = 0; i < inputs.size(); i++) assertTrue(maxDiff(expected.get(i), results.get(i).get()) < 1e-6);
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void cancellationStopsBetweenBatchesAndProgressIsReported() {
		AtomicInteger calls = new AtomicInteger();
		Monitor cancelAfterTwo = new Monitor() {

			@Override
			public void progress(long done, long total) {
				calls.incrementAndGet();
				assertTrue(done <= total);
			}

			@Override
			public boolean isCancelled() { return calls.get() > 2; }
		};
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(1, true, 2), Device.cpu())) {
			Upscaler up = new Upscaler(net, new UpscaleOptions(8, 64, DecoderMode.SPLIT));
			assertThrows(CancelledException.class, () -> up.upscale(random(1, 40, 40, 3), 100, 100, cancelAfterTwo));
		}
		assertEquals(3, calls.get());
	}

	@Test
	void outOfMemoryRetriesWithSmallerTilesThenSaysSo() {
		PlanarImage in = random(1, 40, 40, 4);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(1, true, 2), Device.cpu())) {
			Upscaler up = new Upscaler(net, new UpscaleOptions(64, 4096, DecoderMode.SPLIT));
			PlanarImage expected = up.upscale(in, 90, 90, Monitor.NONE);
			PlanarImage out = PlanarImage.zeros(1, 90, 90);
			AtomicInteger failures = new AtomicInteger();
			// blocks of a 64-pixel tile span the whole 90-pixel width: fail those, as if memory ran out
			up.upscale(in, 90, 90, (y0, x0, h, w, v) -> {
				if (w == 90) {
					failures.incrementAndGet();
					throw new OutOfMemoryError("Java heap space");
				}
				for (int y = 0; y < h; y++) System.arraycopy(v, y * w, out.plane(0), (y0 + y) * 90 + x0, w);
			}, Monitor.NONE);
			assertEquals(1, failures.get());
			assertTrue(maxDiff(expected, out) < 1e-6);
			OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> up.upscale(in, 90, 90, (y0, x0, h, w, v) -> {
				throw new OutOfMemoryError("Java heap space");
			}, Monitor.NONE));
			assertTrue(e.getMessage().contains("even with 8-pixel tiles"), e.getMessage());

			// libtorch's own out-of-memory arrives as an EngineException with its allocator's words
			AtomicInteger nativeFailures = new AtomicInteger();
			PlanarImage again = PlanarImage.zeros(1, 90, 90);
			up.upscale(in, 90, 90, (y0, x0, h, w, v) -> {
				if (w == 90 && nativeFailures.getAndIncrement() == 0) {
					throw new EngineException("DefaultCPUAllocator: not enough memory: you tried to allocate 8589934592 bytes.");
				}
				for (int y = 0; y < h; y++) System.arraycopy(v, y * w, again.plane(0), (y0 + y) * 90 + x0, w);
			}, Monitor.NONE);
			assertTrue(maxDiff(expected, again) < 1e-6);
			EngineException other = assertThrows(EngineException.class, () -> up.upscale(in, 90, 90, (y0, x0, h, w, v) -> {
				throw new EngineException("shape mismatch");
			}, Monitor.NONE));
			assertEquals("shape mismatch", other.getMessage(), "other engine errors are not retried");
		}
	}

	@Test
	void scaleOneReproducesSizeAndWrongChannelsAreRefused() {
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(3, true, 2), Device.cpu())) {
			Upscaler up = new Upscaler(net, UpscaleOptions.DEFAULT);
			PlanarImage out = up.upscale(random(3, 9, 7, 1), 9, 7, Monitor.NONE);
			assertEquals(9, out.height());
			assertEquals(7, out.width());
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> up.upscale(random(1, 9, 7, 1), 18, 14,
				Monitor.NONE));
			assertTrue(e.getMessage().contains("expects 3 channel"), e.getMessage());
		}
	}
}
