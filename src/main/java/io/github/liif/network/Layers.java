package io.github.liif.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import io.github.liif.model.Padding;

/**
 * The few tensor operations the networks are made of. Results belong to the manager of the
 * input (NB: never call an op on a weight array in per-tile code; its result would belong to
 * the weights' manager and live as long as the model).
 */
public final class Layers {

	private static final Shape ONE = new Shape(1, 1);
	private static final Shape NONE = new Shape(0, 0);
	/** Channel counts oneDNN's convolutions compute right under every instruction set (see {@link #conv}). */
	private static final long SAFE_MULTIPLE = 16;
	private static final long SAFE_NARROW_INPUT = 8;
	/** Output widths {@link #pointwise} is used for: up to this, or multiples of it up to {@link #POINTWISE_WIDEST} (see {@link #dense}). */
	private static final long POINTWISE_BLOCK = 32;
	private static final long POINTWISE_WIDEST = 256;

	private Layers() {}

	/**
	 * Stride-1 "same" convolution: x (B, Cin, H, W), w (Cout, Cin, k, k) -> (B, Cout, H, W). NB:
	 * libtorch 2.7.1's oneDNN computes k x k convolutions (k > 1) wrongly, with errors of the order
	 * of the values themselves or NaN, when Cin is above the vector width (8 floats under AVX2, 16
	 * under AVX-512) and not a multiple of it, and their input gradients when Cout is not a multiple
	 * of it (measured on this project's AMD EPYC VMs; planar 1x1 convolutions and weight gradients
	 * were right; for channels-last 1x1 ones see {@link #dense}). Such layers see zero channels
	 * added up to a multiple of 16, which changes no value (output channels only while gradients
	 * are recorded: DJL's hasGradient is false for results).
	 */
	static NDArray conv(NDArray x, NDArray w, NDArray b) {
		return conv(x, w, b, Padding.ZEROS);
	}

	/** {@link #conv(NDArray, NDArray, NDArray)} with {@code padding} beyond the border of x. */
	static NDArray conv(NDArray x, NDArray w, NDArray b, Padding padding) {
		long k = w.getShape().get(2);
		boolean reflect = padding == Padding.REFLECT && k > 1;
		long in = w.getShape().get(1);
		long out = w.getShape().get(0);
		long missingIn = k > 1 && in > SAFE_NARROW_INPUT ? toMultiple(in) - in : 0;
		long missingOut = k > 1 && JniUtils.isGradMode() ? toMultiple(out) - out : 0;
		NDManager scope = x.getManager();
		NDArray input = reflect ? reflect(x, k / 2) : x;
		NDArray kernel = w;
		NDArray bias = b;
		if (missingIn > 0) {
			Shape xs = input.getShape();
			input = input.concat(scope.zeros(new Shape(xs.get(0), missingIn, xs.get(2), xs.get(3))), 1);
			kernel = scoped(kernel.concat(scope.zeros(new Shape(out, missingIn, k, k)), 1), scope);
		}
		if (missingOut > 0) {
			kernel = scoped(kernel.concat(scope.zeros(new Shape(missingOut, in + missingIn, k, k)), 0), scope);
			bias = scoped(b.concat(scope.zeros(new Shape(missingOut)), 0), scope);
		}
		Shape zeroPad = reflect ? NONE : new Shape(k / 2, k / 2);
		NDArray y = Conv2d.conv2d(input, kernel, bias, ONE, zeroPad, ONE, 1).singletonOrThrow();
		// the padded copy is a layer's activation again: freed now, not when the tile's scope closes
		if (input != x) input.close();
		return missingOut == 0 ? y : y.get(":, 0:" + out);
	}

	/**
	 * x (B, C, H, W) mirrored by {@code pad} pixels on every side without repeating the edge
	 * (PyTorch's reflect padding); an axis too short to mirror repeats its edge pixel instead.
	 */
	static NDArray reflect(NDArray x, long pad) {
		NDArray rows = mirror(x, 2, pad);
		NDArray both = mirror(rows, 3, pad);
		rows.close();
		return both;
	}

	private static NDArray mirror(NDArray x, int axis, long pad) {
		long n = x.getShape().get(axis);
		NDList parts = new NDList();
		for (long i = pad; i >= 1; i--) parts.add(slice(x, axis, Math.min(i, n - 1)));
		parts.add(x);
		for (long i = 1; i <= pad; i++) parts.add(slice(x, axis, Math.max(n - 1 - i, 0)));
		NDArray mirrored = NDArrays.concat(parts, axis);
		parts.remove(x);
		parts.close();
		return mirrored;
	}

	private static NDArray slice(NDArray x, int axis, long index) {
		return x.get(axis == 2 ? ":, :, " + index + ":" + (index + 1) : ":, :, :, " + index + ":" + (index + 1));
	}

	private static long toMultiple(long channels) {
		return (channels + SAFE_MULTIPLE - 1) / SAFE_MULTIPLE * SAFE_MULTIPLE;
	}

	/** x (N, in), w (out, in), b (out) -> (N, out). */
	static NDArray linear(NDArray x, NDArray w, NDArray b) {
		return Linear.linear(x, w, b).singletonOrThrow();
	}

	/**
	 * A decoder layer: {@link #pointwise} for the output widths oneDNN's 1x1 convolution was found
	 * right for, {@link #linear} (MKL) for the others. NB: on this project's AMD EPYC VM (Zen 5,
	 * AVX-512) libtorch 2.7.1's channels-last 1x1 convolution gave errors of the values' own size
	 * for most output widths above 32 that are not multiples of 32 (33-45, 65-80, 97-112, ...) and,
	 * with 64 inputs, for multiples of 32 from 320 up; every width up to 32 and every multiple of 32
	 * up to 288 was right for 1-580 inputs and 1-9000 rows (docs/bench.txt, session 15). The
	 * models' widths (128 or 256 hidden, 1 or 3 out) are among those.
	 */
	static NDArray dense(NDArray x, NDArray w, NDArray b) {
		long out = w.getShape().get(0);
		boolean checkedWidth = out <= POINTWISE_BLOCK || out % POINTWISE_BLOCK == 0 && out <= POINTWISE_WIDEST;
		return checkedWidth ? pointwise(x, w, b) : linear(x, w, b);
	}

	/**
	 * {@link #linear} computed as a 1x1 convolution over the rows seen as the pixels of a
	 * channels-last image (views, no copies): x (N, in), w (out, in), b (out) -> (N, out). NB:
	 * libtorch's linear is MKL's sgemm, which takes its AVX2 path on AMD processors; oneDNN's 1x1
	 * convolution picks its kernels by instruction set alone: 1.5-2.1x faster on this project's
	 * AMD EPYC VM (Zen 5; 4096 x 256 -> 256: 240-320 against 155 GFLOP/s), and a paper-size
	 * training step 1.2-1.6x faster (0.40-0.49 against 0.31-0.34 it/s). Not measured on Intel.
	 * Right only for some output widths: decoders call {@link #dense}.
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
