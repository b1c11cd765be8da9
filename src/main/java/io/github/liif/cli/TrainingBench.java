package io.github.liif.cli;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import io.github.liif.model.EdsrSpec;
import io.github.liif.model.LiifModel;
import io.github.liif.model.LiifSpec;
import io.github.liif.model.ModelDescriptor;
import io.github.liif.runtime.Engines;
import io.github.liif.runtime.NativeHeap;
import io.github.liif.train.LiifTrainer;
import io.github.liif.train.ModelInitialiser;
import io.github.liif.train.TrainingConfig;
import io.github.liif.train.TrainingImage;
import io.github.liif.train.TrainingListener;
import io.github.liif.train.TrainingRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code liif bench --train}: iterations/s of the trainer itself (forward, backward, Adam) for the
 * bundled models' size and the paper's, on a synthetic 256 x 256 RGB image, timed after one
 * untimed iteration.
 */
final class TrainingBench {

	/** A network size to time, with the batch it trains at. */
	private record Size(String label, int[] hidden, int batch) {}

	private static final List<Size> SIZES = List.of(new Size("bundled (EDSR 16x64, MLP 3x128)", new int[]{ 128, 128, 128 }, 8),
		new Size("paper (EDSR-baseline, MLP 4x256)", new int[]{ 256, 256, 256, 256 }, 16));

	private TrainingBench() {}

	static void run(PrintWriter out, DeviceOptions deviceOptions, int iterations) throws Exception {
		deviceOptions.applyThreads();
		Device device = Engines.device(deviceOptions.deviceChoice());
		out.printf(Locale.ROOT, "machine: %d cores, libtorch %s, threads %d; training on synthetic 256x256 RGB images%n", Runtime
			.getRuntime().availableProcessors(), Engines.pytorch().getVersion(), JniUtils.getNumThreads());
		out.println("allocator: " + NativeHeap.describe());
		out.printf(Locale.ROOT, "%-34s %6s %10s %12s%n", "model", "batch", "it/s", "samples/s");
		Path dir = Files.createTempDirectory("liif-bench");
		try {
			for (Size size : SIZES) {
				double rate = iterationsPerSecond(size, iterations, device, dir);
				out.printf(Locale.ROOT, "%-34s %6d %10.3f %12.1f%n", size.label(), size.batch(), rate, rate * size.batch());
			}
		}
		finally {
			deleteAll(dir);
		}
	}

	private static double iterationsPerSecond(Size size, int iterations, Device device, Path dir) throws Exception {
		LiifSpec spec = LiifSpec.builder(EdsrSpec.baseline(3)).hidden(size.hidden()).build();
		TrainingConfig config = TrainingConfig.builder().batch(size.batch()).iterations(1 + iterations).checkpointEvery(100_000)
			.validateEvery(100_000).build();
		List<TrainingImage> images = List.of(new TrainingImage("synthetic", BenchCommand.random(256), true));
		LiifModel start = new LiifModel(ModelInitialiser.initialise(spec, 1), ModelDescriptor.reference("bench"));
		IterationClock clock = new IterationClock();
		new LiifTrainer(new TrainingRun(start, images, List.of(), config, dir.resolve("bench-" + size.batch() + ".liif"),
			"synthetic"), clock, device).train(false);
		return clock.rate;
	}

	/** Iterations per second from the end of the first (untimed) iteration on. */
	private static final class IterationClock implements TrainingListener {

		private long firstDone;
		private double rate;

		@Override
		public void iteration(long iteration, long total, double loss, double learningRate) {
			if (iteration == 1) firstDone = System.nanoTime();
			else rate = (iteration - 1) / ((System.nanoTime() - firstDone) / 1e9);
		}
	}

	private static void deleteAll(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
		}
		Files.deleteIfExists(dir);
	}
}
