package io.github.liif.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;

/**
 * The few tensor operations the networks are made of. Results belong to the manager of the
 * input (NB: never call an op on a weight array in per-tile code; its result would belong to
 * the weights' manager and live as long as the model).
 */
public final class Layers {

	private static final Shape ONE = new Shape(1, 1);
	private static final Shape NONE = new Shape(0, 0);

	private Layers() {}

	/** Stride-1 "same" convolution: x (B, Cin, H, W), w (Cout, Cin, k, k) -> (B, Cout, H, W). */
	static NDArray conv(NDArray x, NDArray w, NDArray b) {
		long pad = w.getShape().get(2) / 2;
		NDList out = Conv2d.conv2d(x, w, b, ONE, new Shape(pad, pad), ONE, 1);
		return out.singletonOrThrow();
	}

	/** x (N, in), w (out, in), b (out) -> (N, out). */
	static NDArray linear(NDArray x, NDArray w, NDArray b) {
		return Linear.linear(x, w, b).singletonOrThrow();
	}

	/**
	 * A decoder layer: {@link #pointwise} for inference; {@link #linear} for weights being trained,
	 * whose backward pass under oneDNN restricted to AVX2, as training runs, was 10 % faster with
	 * MKL (paper-size step 0.23 against 0.21 it/s on the AMD EPYC VM).
	 */
	static NDArray dense(NDArray x, NDArray w, NDArray b) {
		return w.hasGradient() ? linear(x, w, b) : pointwise(x, w, b);
	}

	/**
	 * {@link #linear} computed as a 1x1 convolution over the rows seen as the pixels of a
	 * channels-last image (views, no copies): x (N, in), w (out, in), b (out) -> (N, out). NB:
	 * libtorch's linear is MKL's sgemm, which takes its AVX2 path on AMD processors; oneDNN's 1x1
	 * convolution picks its kernels by instruction set alone: 1.5-2.1x faster on this project's
	 * AMD EPYC VM (Zen 5; 4096 x 256 -> 256: 240-320 against 155 GFLOP/s). Not measured on Intel.
	 */
	public static NDArray pointwise(NDArray x, NDArray w, NDArray b) {
		long n = x.getShape().get(0);
		long in = x.getShape().get(1);
		long out = w.getShape().get(0);
		NDArray pixels = x.reshape(1, n, 1, in).transpose(0, 3, 1, 2);
		NDArray kernel = scoped(w.reshape(out, in, 1, 1), x.getManager());
		NDArray y = Conv2d.conv2d(pixels, kernel, b, ONE, NONE, ONE, 1).singletonOrThrow();
		return y.transpose(0, 2, 3, 1).reshape(n, out);
	}

	/**
	 * Rows of {@code table} (T, D) picked by {@code rows} (N) int64: (N, D), owned by the manager
	 * of {@code rows}. NB: libtorch's embedding (index_select) copies whole rows; DJL's
	 * {@code table.get(rows)} (advanced indexing) gives the same values 3-6x slower, which was
	 * 13 % of the split decoder's time.
	 */
	static NDArray gatherRows(NDArray table, NDArray rows) {
		return Embedding.embedding(rows, table, SparseFormat.DENSE).singletonOrThrow();
	}

	static NDArray relu(NDArray x) {
		return Activation.relu(x);
	}

	/** Moves an array derived from long-lived weights into a short-lived scope. */
	static NDArray scoped(NDArray derived, NDManager scope) {
		derived.attach(scope);
		return derived;
	}
}
