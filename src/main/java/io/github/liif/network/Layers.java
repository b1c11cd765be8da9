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
final class Layers {

	private static final Shape ONE = new Shape(1, 1);

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
