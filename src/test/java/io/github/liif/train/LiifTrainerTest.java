package io.github.liif.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.liif.TinyModels;
import io.github.liif.catalogue.Models;
import io.github.liif.eval.Evaluation;
import io.github.liif.image.Degradation;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.CancelledException;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.io.ModelFiles;
import io.github.liif.model.GlobalResidual;
import io.github.liif.model.LiifModel;
import io.github.liif.model.LiifModelWeights;
import io.github.liif.model.ModelDescriptor;
import io.github.liif.model.ModelFormatException;
import io.github.liif.model.StateDict;
import io.github.liif.model.Weights;
import io.github.liif.network.LiifNetwork;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiifTrainerTest {

	@TempDir
	Path dir;

	/** Smooth, structured images (sums of sinusoids) that a model can learn to upscale. */
	static List<TrainingImage> images(int n, int channels) {
		List<TrainingImage> out = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			int h = 60 + 7 * k;
			int w = 70 - 5 * k;
			float[][] planes = new float[channels][h * w];
			for (int c = 0; c < channels; c++) {
				for (int y = 0; y < h; y++) {
					for (int x = 0; x < w; x++) {
						planes[c][y * w + x] = (float) (0.5 + 0.25 * Math.sin(0.3 * x + k + c) * Math.cos(0.2 * y - c) + 0.2
							* Math.sin(0.05 * (x + y)));
					}
				}
			}
			out.add(new TrainingImage("synthetic " + k, new PlanarImage(h, w, planes), false));
		}
		return out;
	}

	static TrainingConfig.Builder recipe() {
		return TrainingConfig.builder().patch(16).samples(256).batch(2).learningRate(1e-3).checkpointEvery(5).validateEvery(1000)
			.seed(3);
	}

	private TrainingRun run(TrainingConfig config, String name) {
		LiifModel start = new LiifModel(TinyModels.randomEdsr(1, true, 1), ModelDescriptor.reference("t"));
		List<Evaluation.Image> val = List.of(new Evaluation.Image("val", images(1, 1).get(0).image(), false));
		return new TrainingRun(start, images(3, 1), val, config, dir.resolve(name + ".liif"), "synthetic");
	}

	@Test
	void aShortRunLowersTheLossClearly() throws Exception {
		List<Double> losses = new ArrayList<>();
		TrainingListener record = new TrainingListener() {

			@Override
			public void iteration(long iteration, long total, double loss, double rate) {
				losses.add(loss);
			}
		};
		LiifModel out = new LiifTrainer(run(recipe().iterations(60).build(), "short"), record, Device.cpu()).train(false);
		double first = losses.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		double last = losses.subList(50, 60).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		assertTrue(last < 0.6 * first, "loss " + first + " -> " + last);
		LiifModel saved = ModelFiles.load(dir.resolve("short.liif"));
		assertEquals(60, saved.descriptor().provenance().getAsJsonObject("training").get("iterations").getAsInt());
		assertArrayEquals(out.weights().stateDict().get("imnet.layers.0.weight").data(), saved.weights().stateDict().get(
			"imnet.layers.0.weight").data());
		assertTrue(Files.readString(dir.resolve("short.liif.validation.csv")).startsWith("iteration,loss,psnr_x2"));
	}

	@Test
	void resumingFromACheckpointReproducesTheUninterruptedRun() throws Exception {
		LiifModel straight = new LiifTrainer(run(recipe().iterations(12).build(), "straight"), new TrainingListener() {}, Device
			.cpu()).train(false);
		new LiifTrainer(run(recipe().iterations(7).build(), "resumed"), new TrainingListener() {}, Device.cpu()).train(false);
		LiifModel resumed = new LiifTrainer(run(recipe().iterations(12).build(), "resumed"), new TrainingListener() {}, Device
			.cpu()).train(true);
		assertSameWeights(straight.weights().stateDict(), resumed.weights().stateDict());
	}

	@Test
	void anAveragedRunShipsTheAverageAndResumesExactly() throws Exception {
		TrainingConfig.Builder averaged = recipe().averageDecay(0.9);
		// both start without averaging: a checkpoint without an average starts it from its weights
		for (String run : List.of("avg-straight", "avg-resumed")) train(recipe().iterations(4), run, false);
		LiifModel straight = train(averaged.iterations(12), "avg-straight", true);
		train(averaged.iterations(7), "avg-resumed", true);
		Checkpoints.State state = Checkpoints.read(dir.resolve("avg-resumed.liif.ckpt"));
		String name = "imnet.layers.0.weight";
		assertTrue(!Arrays.equals(state.model().weights().stateDict().get(name).data(), state.trained().get(name).data()),
			"the checkpoint's model is the average, not the trained weights");
		LiifModel resumed = train(averaged.iterations(12), "avg-resumed", true);
		assertSameWeights(straight.weights().stateDict(), resumed.weights().stateDict());
		assertSameWeights(resumed.weights().stateDict(), ModelFiles.load(dir.resolve("avg-resumed.liif")).weights().stateDict());
		// averaging leaves the trained trajectory alone and changes only what is shipped
		LiifModel plain = train(recipe().iterations(12), "plain-straight", false);
		assertSameWeights(plain.weights().stateDict(), Checkpoints.read(dir.resolve("avg-resumed.liif.ckpt")).trained());
		assertTrue(!Arrays.equals(plain.weights().stateDict().get(name).data(), resumed.weights().stateDict().get(name).data()),
			"averaging changes the shipped weights");
	}

	private LiifModel train(TrainingConfig.Builder config, String name, boolean resume) throws Exception {
		return new LiifTrainer(run(config.build(), name), new TrainingListener() {}, Device.cpu()).train(resume);
	}

	private static void assertSameWeights(StateDict expected, StateDict actual) {
		for (String name : expected.names()) {
			float[] a = expected.get(name).data();
			float[] b = actual.get(name).data();
			for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-6, name);
		}
	}

	@Test
	void theAverageMovesByOneMinusDecayOfTheDistance() {
		try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
			NDArray p = m.create(new float[]{ 1, 2 });
			Map<String, NDArray> params = Map.of("p", p);
			try (WeightAverage average = new WeightAverage(m, params, 0.75, null); NDManager scope = m.newSubManager()) {
				p.set(new float[]{ 5, -2 });
				average.update(scope);
				StateDict out = average.applyTo(new StateDict(Map.of("p", new Weights(new long[]{ 2 }, new float[]{ 5, -2 }),
					"frozen", new Weights(new long[]{ 1 }, new float[]{ 7 }))));
				assertArrayEquals(new float[]{ 2, 1 }, out.get("p").data(), 1e-6f);
				assertArrayEquals(new float[]{ 7 }, out.get("frozen").data());
			}
			var bad = assertThrows(IllegalArgumentException.class, () -> recipe().averageDecay(1).build());
			assertTrue(bad.getMessage().contains("0 (off) or between 0 and 1"), bad.getMessage());
		}
	}

	@Test
	void cancellingWritesACheckpointToResumeFrom() throws Exception {
		TrainingListener cancelAtFour = new TrainingListener() {

			long seen;

			@Override
			public void iteration(long iteration, long total, double loss, double rate) {
				seen = iteration;
			}

			@Override
			public boolean isCancelled() { return seen >= 4; }
		};
		TrainingRun r = run(recipe().iterations(50).checkpointEvery(100).build(), "cancel");
		assertThrows(CancelledException.class, () -> new LiifTrainer(r, cancelAtFour, Device.cpu()).train(false));
		assertEquals(4, Checkpoints.read(r.checkpoint()).iteration());
		// the checkpoint is a usable model too
		assertEquals(1, ModelFiles.load(r.checkpoint()).channels());
	}

	@Test
	void resumingFromAPlainModelOrNoFileSaysWhy() throws Exception {
		TrainingRun r = run(recipe().iterations(3).build(), "plain");
		ModelFiles.save(r.start(), r.checkpoint(), false);
		var notACheckpoint = assertThrows(ModelFormatException.class, () -> Checkpoints.read(r.checkpoint()));
		assertTrue(notACheckpoint.getMessage().endsWith("is a model but not a training checkpoint"), notACheckpoint.getMessage());
		Files.delete(r.checkpoint());
		var none = assertThrows(NoSuchFileException.class, () -> new LiifTrainer(r, new TrainingListener() {}, Device.cpu())
			.train(true));
		assertTrue(none.getMessage().contains("no checkpoint to resume from; start without --resume"), none.getMessage());
	}

	@Test
	void upscalingWhileTrainingInTheSameJvmGivesTheUsualResult() throws Exception {
		LiifModelWeights other = TinyModels.randomEdsr(1, true, 17);
		PlanarImage image = images(1, 1).get(0).image();
		PlanarImage expected;
		try (LiifNetwork net = LiifNetwork.create(other, Device.cpu())) {
			expected = new Upscaler(net, UpscaleOptions.DEFAULT).upscale(image, 130, 150, Monitor.NONE);
		}
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			var training = pool.submit(() -> new LiifTrainer(run(recipe().iterations(25).build(), "concurrent"),
				new TrainingListener() {}, Device.cpu()).train(false));
			try (LiifNetwork net = LiifNetwork.create(other, Device.cpu())) {
				for (int round = 0; round < 3; round++) {
					PlanarImage got = new Upscaler(net, UpscaleOptions.DEFAULT).upscale(image, 130, 150, Monitor.NONE);
					for (int i = 0; i < got.plane(0).length; i++) assertEquals(expected.plane(0)[i], got.plane(0)[i], 1e-6);
				}
			}
			assertEquals(25, training.get().descriptor().provenance().getAsJsonObject("training").get("iterations").getAsInt());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void batchesArePureFunctionsOfSeedAndIteration() {
		TrainingConfig config = recipe().anisotropic(true).build();
		PatchSampler a = new PatchSampler(images(3, 3), config, TinyModels.randomEdsr(3, true, 1).spec());
		PatchSampler b = new PatchSampler(images(3, 3), config, TinyModels.randomEdsr(3, true, 1).spec());
		assertArrayEquals(a.batch(17).lowRes(), b.batch(17).lowRes());
		assertArrayEquals(a.batch(17).queries().coords(), b.batch(17).queries().coords());
		assertTrue(!Arrays.equals(a.batch(17).lowRes(), a.batch(18).lowRes()));
	}

	@Test
	void theResidualBaseOfEverySampleComesFromItsOwnPatch() {
		// flat images of different colours: the bicubic base of a query is its own patch's colour
		List<TrainingImage> flat = new ArrayList<>();
		for (int k = 0; k < 4; k++) {
			float[][] planes = new float[3][50 * 40];
			for (int c = 0; c < 3; c++) Arrays.fill(planes[c], 0.1f + 0.2f * k + 0.05f * c);
			flat.add(new TrainingImage("flat " + k, new PlanarImage(50, 40, planes), false));
		}
		TrainingConfig config = recipe().batch(5).samples(64).build();
		TrainingBatch batch = new PatchSampler(flat, config, TinyModels.randomEdsr(3, true, GlobalResidual.BICUBIC, 1).spec())
			.batch(4);
		int p = config.patch();
		float[] base = batch.queries().base();
		assertEquals(5 * 64 * 3, base.length);
		for (int q = 0; q < base.length / 3; q++) {
			int s = q / 64;
			for (int c = 0; c < 3; c++) {
				assertEquals(batch.lowRes()[(s * 3 + c) * p * p], base[q * 3 + c], 1e-6, "query " + q + ", channel " + c);
			}
		}
		assertEquals(0, new PatchSampler(flat, config, TinyModels.randomEdsr(3, true, 1).spec()).batch(4).queries()
			.base().length);
	}

	@Test
	void aResidualModelTrainsAndResumesExactly() throws Exception {
		LiifModel start = new LiifModel(TinyModels.randomEdsr(1, true, GlobalResidual.BICUBIC, 1), ModelDescriptor.reference(
			"r"));
		List<Evaluation.Image> val = List.of(new Evaluation.Image("val", images(1, 1).get(0).image(), false));
		TrainingConfig config = recipe().iterations(10).build();
		LiifModel whole = new LiifTrainer(new TrainingRun(start, images(3, 1), val, config, dir.resolve("a.liif"), "synthetic"),
			new TrainingListener() {}, Device.cpu()).train(false);
		TrainingRun halves = new TrainingRun(start, images(3, 1), val, recipe().iterations(5).build(), dir.resolve("b.liif"),
			"synthetic");
		new LiifTrainer(halves, new TrainingListener() {}, Device.cpu()).train(false);
		LiifModel resumed = new LiifTrainer(new TrainingRun(start, images(3, 1), val, config, dir.resolve("b.liif"), "synthetic"),
			new TrainingListener() {}, Device.cpu()).train(true);
		assertEquals(GlobalResidual.BICUBIC, ModelFiles.load(dir.resolve("a.liif")).spec().globalResidual());
		assertSameWeights(whole.weights().stateDict(), resumed.weights().stateDict());
	}

	@Test
	void axialBatchesReduceTheRowsOnlyAndTheRecipeCarriesTheBlurToConsistency() throws Exception {
		TrainingConfig config = recipe().axial(1.5).degradation(Degradation.AREA).build();
		TrainingBatch batch = new PatchSampler(images(3, 1), config, TinyModels.randomEdsr(1, true, 1).spec()).batch(3);
		float[] coords = batch.queries().coords();
		double smallestRowCell = Double.MAX_VALUE;
		for (int e = 0; e < coords.length / 4; e++) {
			assertEquals(2.0, coords[e * 4 + 3], 1e-6, "columns keep their size: the cell in LR units is 2 / scale = 2");
			smallestRowCell = Math.min(smallestRowCell, coords[e * 4 + 2]);
		}
		assertTrue(smallestRowCell < 0.8 * 2.0, "rows are reduced by scales > 1: " + smallestRowCell);
		TrainingConfig isotropic = recipe().build();
		float[] iso = new PatchSampler(images(3, 1), isotropic, TinyModels.randomEdsr(1, true, 1).spec()).batch(3).queries()
			.coords();
		assertTrue(IntStream.range(0, iso.length / 4).anyMatch(e -> iso[e * 4 + 3] < 0.8 * 2.0),
			"isotropic batches reduce the columns too");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> recipe().axial(1).anisotropic(true).build()).getMessage()
			.contains("anisotropic"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> recipe().axial(-1).build()).getMessage().contains(">= 0"));
		// a short axial run: the model's recipe says so, and "auto" consistency takes its blur along Z
		LiifModel trained = new LiifTrainer(run(recipe().iterations(2).axial(1.5).build(), "axial"), new TrainingListener() {},
			Device.cpu()).train(false);
		Consistency auto = Models.consistencyFor(Consistency.DEFAULT, ModelFiles.load(dir.resolve("axial.liif")));
		assertEquals(1.5, auto.rowBlur(), 1e-12);
		assertTrue(auto.id().contains("axial model"), auto.id());
		assertEquals(1.5, Models.consistencyFor(Consistency.DEFAULT, trained).rowBlur(), 1e-12);
	}
}
