package io.github.liif.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.EdsrSpec;
import io.github.liif.model.LiifModelWeights;
import io.github.liif.model.LiifSpec;
import io.github.liif.network.DecoderMode;
import io.github.liif.network.Layers;
import io.github.liif.network.LiifNetwork;
import io.github.liif.network.StageTimes;
import io.github.liif.runtime.Engines;
import io.github.liif.runtime.NativeHeap;
import io.github.liif.train.ModelInitialiser;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code liif bench}: inference speed of EDSR-baseline-LIIF (the paper's size, random weights)
 * in both decoder modes, the encoder/decoder split, achieved GFLOP/s against a plain matrix
 * multiply measured in the same run, engine and model load times, and peak memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, description = "Measure upscaling speed (output Mpx/s) of EDSR-baseline-LIIF in both decoder modes.")
final class BenchCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	DeviceOptions deviceOptions = new DeviceOptions();

	@Option(names = "--size", defaultValue = "256", description = "Input edge (RGB, square). Default: ${DEFAULT-VALUE}.")
	int size;

	@Option(names = "--scales", defaultValue = "2,4,8", split = ",", description = "Default: ${DEFAULT-VALUE}.")
	int[] scales;

	@Option(names = "--batch", defaultValue = "auto", paramLabel = "auto|N", description = "Output pixels per decoder batch; auto: sized by the model, as upscale does. Default: ${DEFAULT-VALUE}.")
	String batch;

	@Option(names = "--train", description = "Measure training throughput instead (bundled and paper sizes).")
	boolean train;

	@Option(names = "--iterations", defaultValue = "6", description = "Training iterations timed (after one warm-up). Default: ${DEFAULT-VALUE}.")
	int iterations;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		if (train) {
			TrainingBench.run(out, deviceOptions, iterations);
			out.printf(Locale.ROOT, "peak memory (VmHWM): %s%n", peakMemory());
			return 0;
		}
		int batchPixels = UpscaleOptions.parseBatch(batch);
		long t0 = System.nanoTime();
		Engines.pytorch();
		deviceOptions.applyThreads();
		double engineSeconds = (System.nanoTime() - t0) / 1e9;
		LiifSpec liif = LiifSpec.builder(EdsrSpec.baseline(3)).build();
		LiifModelWeights weights = ModelInitialiser.initialise(liif, 1);
		long t1 = System.nanoTime();
		Device device = Engines.device(deviceOptions.deviceChoice());
		out.printf(Locale.ROOT, "machine: %s, %d cores, Java %s, libtorch %s, device %s, threads %d%n", System.getProperty(
			"os.arch"), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Engines.pytorch()
				.getVersion(), device, JniUtils.getNumThreads());
		out.println("allocator: " + NativeHeap.describe());
		try (LiifNetwork net = LiifNetwork.create(weights, device)) {
			double modelSeconds = (System.nanoTime() - t1) / 1e9;
			out.printf(Locale.ROOT, "engine load %.2f s, model (%d parameters) to native %.2f s%n", engineSeconds, weights
				.stateDict().parameterCount(), modelSeconds);
			// the ceiling the decoder's GFLOP/s are set against: the fastest way this engine multiplies,
			// at 2048^3 and at the paper decoder's hidden-layer shape (a batch of 1024 pixels' 4 queries)
			double matmul = 0;
			for (int[] shape : new int[][]{ { 2048, 2048 }, { 4096, 256 } }) {
				double sgemm = multiplyGflops(device, false, shape[0], shape[1]);
				double pointwise = multiplyGflops(device, true, shape[0], shape[1]);
				matmul = Math.max(matmul, Math.max(sgemm, pointwise));
				out.printf(Locale.ROOT,
					"plain float32 matrix multiply (%d x %d -> %d): %.1f GFLOP/s as libtorch's matmul (MKL sgemm), "
						+ "%.1f as the decoder runs it (oneDNN 1x1 convolution)%n", shape[0], shape[1], shape[1], sgemm,
					pointwise);
			}
			PlanarImage input = random(size);
			double encoder = encoderSeconds(net, input);
			long lr = (long) size * size;
			out.printf(Locale.ROOT, "encoder on %dx%d: %.2f s (%.1f GFLOP/s)%n", size, size, encoder, 2.0 * encoderMacs(liif) * lr
				/ encoder / 1e9);
			List<String> breakdowns = new ArrayList<>();
			out.printf(Locale.ROOT, "%-6s %-10s %10s %10s %10s %10s %8s%n", "scale", "mode", "total s", "decoder s", "Mpx/s",
				"GFLOP/s", "ratio");
			for (int s : scales) {
				double[] seconds = new double[2];
				DecoderMode[] modes = { DecoderMode.REFERENCE, DecoderMode.SPLIT };
				StageTimes[] stages = { new StageTimes(), new StageTimes() };
				for (int m = 0; m < 2; m++) {
					Upscaler up = new Upscaler(net, new UpscaleOptions(Math.max(size, 8), batchPixels, modes[m]), stages[m]);
					long start = System.nanoTime();
					up.upscale(input, size * s, size * s, Monitor.NONE);
					seconds[m] = (System.nanoTime() - start) / 1e9;
					long px = (long) size * s * size * s;
					double macs = encoderMacs(liif) * lr + decoderMacs(liif, modes[m]) * px + (modes[m] == DecoderMode.SPLIT
						? tableMacs(liif) * lr : 0);
					out.printf(Locale.ROOT, "x%-5d %-10s %10.2f %10.2f %10.4f %10.1f %8s%n", s, modes[m], seconds[m], seconds[m]
						- encoder, px / seconds[m] / 1e6, 2 * macs / seconds[m] / 1e9, m == 1 ? String.format(Locale.ROOT,
							"%.2fx", seconds[0] / seconds[1]) : "");
				}
				breakdowns.add(breakdown(liif, s, size, stages, seconds, matmul));
			}
			breakdowns.forEach(out::print);
		}
		out.printf(Locale.ROOT, "peak memory (VmHWM): %s%n", peakMemory());
		return 0;
	}

	/**
	 * Where the time of one scale went, stage by stage, in both modes; the hidden layers' own
	 * GFLOP/s against the plain multiply's.
	 */
	private static String breakdown(LiifSpec liif, int scale, int size, StageTimes[] stages, double[] seconds, double matmul) {
		StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "where the time went at x%d:%26s %18s%n", scale,
			"REFERENCE", "SPLIT"));
		for (StageTimes.Stage stage : StageTimes.Stage.values()) {
			b.append(String.format(Locale.ROOT, "  %-30s", stage.label()));
			for (int m = 0; m < 2; m++) {
				double t = stages[m].seconds().get(stage);
				b.append(String.format(Locale.ROOT, " %9.2f s %5.1f %%", t, 100 * t / seconds[m]));
			}
			b.append('\n');
		}
		long px = (long) size * scale * size * scale;
		double hidden = 2 * hiddenMacs(liif) * px / 1e9;
		b.append(String.format(Locale.ROOT, "  %-30s", "hidden layers alone GFLOP/s"));
		for (StageTimes st : stages) {
			double g = hidden / st.seconds().get(StageTimes.Stage.HIDDEN_LAYERS);
			b.append(String.format(Locale.ROOT, " %11.1f (%3.0f %%)", g, 100 * g / matmul));
		}
		return b.append('\n').toString();
	}

	static PlanarImage random(int n) {
		Random r = new Random(1);
		float[][] p = new float[3][n * n];
		for (float[] plane : p) for (int i = 0; i < plane.length; i++) plane[i] = r.nextFloat();
		return new PlanarImage(n, n, p);
	}

	private static double encoderSeconds(LiifNetwork net, PlanarImage input) {
		Engines.prepareInferenceThread();
		try (NDManager m = NDManager.newBaseManager(net.device())) {
			NDArray x = m.create(input.copyWindow(0, 0, input.height(), input.width()), new Shape(1, 3, input.height(), input
				.width()));
			net.encode(x).getFloat(0, 0, 0, 0);
			long start = System.nanoTime();
			net.encode(x).getFloat(0, 0, 0, 0);
			return (System.nanoTime() - start) / 1e9;
		}
	}

	/**
	 * GFLOP/s of (rows, width) x (width, width), as libtorch's matmul or as the decoder's layers
	 * run ({@link Layers#pointwise}); the best of three.
	 */
	private static double multiplyGflops(Device device, boolean asDecoder, int rows, int width) {
		Engines.prepareInferenceThread();
		try (NDManager m = NDManager.newBaseManager(device)) {
			NDArray a = m.randomUniform(0, 1, new Shape(rows, width));
			NDArray w = m.randomUniform(0, 1, new Shape(width, width));
			NDArray bias = m.zeros(new Shape(width));
			double best = Double.MAX_VALUE;
			for (int run = 0; run < 3; run++) {
				long start = System.nanoTime();
				NDArray product = asDecoder ? Layers.pointwise(a, w, bias) : a.matMul(w);
				product.getFloat(0, 0);
				best = Math.min(best, (System.nanoTime() - start) / 1e9);
			}
			return 2.0 * rows * width * width / best / 1e9;
		}
	}

	/** Multiply-adds per LR pixel of the EDSR encoder. */
	static double encoderMacs(LiifSpec spec) {
		EdsrSpec e = (EdsrSpec) spec.encoder();
		double f = e.features();
		return 9 * (e.inChannels() * f + (2 * e.residualBlocks() + 1) * f * f);
	}

	/** Multiply-adds per output pixel of the decoder (four ensemble queries). */
	static double decoderMacs(LiifSpec spec, DecoderMode mode) {
		int[] h = spec.hidden();
		double first = (mode == DecoderMode.REFERENCE ? spec.decoderInputWidth() : spec.decoderInputWidth() - spec.latentWidth())
			* h[0];
		return 4 * first + hiddenMacs(spec);
	}

	/** Multiply-adds per output pixel of the decoder's layers after the first (four ensemble queries). */
	static double hiddenMacs(LiifSpec spec) {
		int[] h = spec.hidden();
		double rest = 0;
		for (int i = 1; i < h.length; i++) rest += (double) h[i - 1] * h[i];
		return 4 * (rest + (double) h[h.length - 1] * spec.outChannels());
	}

	/** Multiply-adds per LR pixel of the split mode's latent table (a 3x3 convolution). */
	static double tableMacs(LiifSpec spec) {
		return (double) spec.latentWidth() * spec.hidden()[0];
	}

	static String peakMemory() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM")).findFirst().map(
				l -> l.replace("VmHWM:", "").trim()).orElse("n/a");
		}
		catch (Exception e) {
			return "n/a";
		}
	}
}
