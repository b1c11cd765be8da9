package io.github.liif.network;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.ObjIntConsumer;

/**
 * Runs the layers the networks are made of over a sweep of widths on this machine's kernels and
 * compares each result with the same layer in float64, which libtorch computes with its own
 * kernels, never oneDNN's. With {@code guarded} the layers are {@link Layers#conv} and
 * {@link Layers#dense}, as the networks run them; without, the bare oneDNN kernels they guard
 * (the sweep that found the widths they guard: docs/bench.txt, session 15), for a new processor
 * or a new libtorch.
 */
public final class LayerWidthCheck {

	/** Relative error (of the largest value) above which a result is wrong; float32 sums give ~1e-6. */
	static final double TOLERANCE = 1e-4;
	private static final Shape ONE = new Shape(1, 1);
	private static final int MOST_CHANNELS = 80;
	private static final int MOST_OUTPUTS = 300;
	private static final int ROWS = 5000;
	private static final int[] DECODER_INPUTS = { 64, 256 };

	/** One kind of layer over its widths: how many were run and the ones found wrong. */
	public record Sweep(String layer, int checked, List<String> wrong) {}

	private final Engine engine;
	private final boolean guarded;

	public LayerWidthCheck(Engine engine, boolean guarded) {
		this.engine = engine;
		this.guarded = guarded;
	}

	/** Widths run in all; {@link #run}'s {@code progress} gets the layer kind and the count done so far. */
	public static int total() {
		return 3 * MOST_CHANNELS + DECODER_INPUTS.length * MOST_OUTPUTS;
	}

	/**
	 * Runs every sweep. {@code cancelled} is polled between widths; true stops the check and
	 * returns the sweeps done so far.
	 */
	public List<Sweep> run(ObjIntConsumer<String> progress, BooleanSupplier cancelled) {
		List<Sweep> sweeps = new ArrayList<>();
		JniUtils.setGradMode(false);
		try (NDManager manager = NDManager.newBaseManager(Device.cpu(), engine.getEngineName())) {
			Sweeper sweeper = new Sweeper(manager, progress, cancelled);
			sweeps.add(sweeper.sweep("3x3 convolution, 1-" + MOST_CHANNELS + " input channels (16 outputs, 1 x 48 x 48)",
				MOST_CHANNELS, (m, c) -> convolutionError(m, c, 16)));
			sweeps.add(sweeper.sweep("3x3 convolution, 1-" + MOST_CHANNELS + " output channels (64 inputs, 1 x 48 x 48)",
				MOST_CHANNELS, (m, c) -> convolutionError(m, 64, c)));
			try (GradientCollector collector = engine.newGradientCollector()) {
				sweeps.add(sweeper.sweep("3x3 convolution input and weight gradients, 1-" + MOST_CHANNELS
					+ " output channels (32 inputs, 2 x 24 x 24)", MOST_CHANNELS, (m, c) -> gradientError(collector, m, 32, c)));
			}
			for (int inputs : DECODER_INPUTS) {
				sweeps.add(sweeper.sweep("decoder layer, 1-" + MOST_OUTPUTS + " outputs (" + inputs + " inputs, " + ROWS
					+ " rows)", MOST_OUTPUTS, (m, c) -> decoderError(m, inputs, c)));
			}
		}
		finally {
			// the collector switched gradients on for this thread
			JniUtils.setGradMode(false);
		}
		sweeps.removeIf(s -> s.checked() == 0);
		return sweeps;
	}

	/** One width's relative error, its arrays made in {@code scope}. */
	private interface Width {
		double error(NDManager scope, int width);
	}

	/** Runs widths 1..n of one layer kind, each in a scope of its own, counting them all for progress. */
	private static final class Sweeper {
		private final NDManager manager;
		private final ObjIntConsumer<String> progress;
		private final BooleanSupplier cancelled;
		private int done;

		Sweeper(NDManager manager, ObjIntConsumer<String> progress, BooleanSupplier cancelled) {
			this.manager = manager;
			this.progress = progress;
			this.cancelled = cancelled;
		}

		Sweep sweep(String layer, int widths, Width width) {
			List<String> wrong = new ArrayList<>();
			int checked = 0;
			for (int w = 1; w <= widths && !cancelled.getAsBoolean(); w++) {
				double error;
				try (NDManager scope = manager.newSubManager()) {
					error = width.error(scope, w);
				}
				if (!(error <= TOLERANCE))
					wrong.add(w + (Double.isNaN(error) ? " (NaN)" : String.format(Locale.ROOT, " (%.2g)", error)));
				checked++;
				progress.accept(layer, ++done);
			}
			return new Sweep(layer, checked, List.copyOf(wrong));
		}
	}

	private double convolutionError(NDManager m, int in, int out) {
		NDArray x = m.randomNormal(new Shape(1, in, 48, 48));
		NDArray w = m.randomNormal(new Shape(out, in, 3, 3)).mul(0.1);
		NDArray b = m.randomNormal(new Shape(out));
		return relativeError(convolution(x, w, b), plainConvolution(wide(x), wide(w), wide(b)));
	}

	/** d(sum of g * conv(x))/d(x) and d/d(w), both against float64; the larger error. */
	private double gradientError(GradientCollector collector, NDManager m, int in, int out) {
		NDArray x = m.randomNormal(new Shape(2, in, 24, 24));
		NDArray w = m.randomNormal(new Shape(out, in, 3, 3)).mul(0.1);
		NDArray b = m.randomNormal(new Shape(out));
		NDArray g = m.randomNormal(new Shape(2, out, 24, 24));
		NDArray x64 = wide(x);
		NDArray w64 = wide(w);
		for (NDArray a : new NDArray[]{ x, w, x64, w64 }) a.setRequiresGradient(true);
		// x times 1: the input of a layer inside a network is an operation's result, not a leaf
		collector.backward(convolution(x.mul(1), w, b).mul(g).sum());
		collector.backward(plainConvolution(x64.mul(1), w64, wide(b)).mul(wide(g)).sum());
		return Math.max(relativeError(x.getGradient(), x64.getGradient()), relativeError(w.getGradient(), w64.getGradient()));
	}

	private double decoderError(NDManager m, int in, int out) {
		NDArray x = m.randomNormal(new Shape(ROWS, in));
		NDArray w = m.randomNormal(new Shape(out, in)).mul(0.1);
		NDArray b = m.randomNormal(new Shape(out));
		NDArray got = guarded ? Layers.dense(x, w, b) : Layers.pointwise(x, w, b);
		return relativeError(got, wide(x).matMul(wide(w).transpose()).add(wide(b)));
	}

	private NDArray convolution(NDArray x, NDArray w, NDArray b) {
		return guarded ? Layers.conv(x, w, b) : plainConvolution(x, w, b);
	}

	private static NDArray plainConvolution(NDArray x, NDArray w, NDArray b) {
		return Conv2d.conv2d(x, w, b, ONE, ONE, ONE, 1).singletonOrThrow();
	}

	private static NDArray wide(NDArray a) {
		return a.toType(DataType.FLOAT64, true);
	}

	/** max |got - expected| / max |expected|; NaN when got has a NaN. */
	static double relativeError(NDArray got, NDArray expected) {
		double[] g = got.toType(DataType.FLOAT64, false).toDoubleArray();
		double[] e = expected.toDoubleArray();
		double worst = 0;
		double scale = 0;
		for (int i = 0; i < e.length; i++) {
			if (Double.isNaN(g[i])) return Double.NaN;
			worst = Math.max(worst, Math.abs(g[i] - e[i]));
			scale = Math.max(scale, Math.abs(e[i]));
		}
		return worst / Math.max(scale, Double.MIN_NORMAL);
	}
}
