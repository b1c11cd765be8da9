package io.github.liif.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.github.liif.model.Padding;
import io.github.liif.runtime.DeviceChoice;
import io.github.liif.runtime.Engines;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Layers#conv} against a 3x3 "same" convolution and its gradients summed in double
 * precision here, for channel counts that libtorch 2.7.1's oneDNN got wrong on this project's
 * machines (input channels above the vector width and not a multiple of it: 12 under AVX2, 24 and
 * 40 under AVX-512; output channels not a multiple of it for the input gradient: 12, 24) and for
 * the models' own (3 -> 64, 64 -> 64). Runs at the processor's own instruction set.
 */
class ConvolutionLayerTest {

	private static final int BATCH = 2;
	private static final int SIDE = 32;
	private static final int K = 3;

	@Test
	void valuesAreTheConvolutionForEveryChannelCount() {
		Engines.prepareInferenceThread();
		int[][] channels = { { 3, 64 }, { 12, 16 }, { 24, 32 }, { 40, 24 }, { 64, 64 } };
		for (int[] c : channels) {
			Problem p = new Problem(c[0], c[1], new Random(c[0] * 100 + c[1]));
			float[] got;
			try (NDManager m = NDManager.newBaseManager(Engines.device(DeviceChoice.CPU))) {
				NDArray y = Layers.conv(m.create(p.x, p.xShape()), m.create(p.w, p.wShape()), m.create(p.b, new Shape(p.out)));
				assertEquals(new Shape(BATCH, p.out, SIDE, SIDE), y.getShape());
				got = y.toFloatArray();
			}
			for (int n = 0; n < BATCH; n++) {
				for (int o = 0; o < p.out; o++) {
					for (int r = 0; r < SIDE; r++) {
						for (int q = 0; q < SIDE; q++) {
							double sum = p.b[o];
							double magnitude = Math.abs(p.b[o]);
							for (int i = 0; i < p.in; i++) {
								for (int dy = 0; dy < K; dy++) {
									for (int dx = 0; dx < K; dx++) {
										double term = p.input(n, i, r + dy - 1, q + dx - 1) * p.w[((o * p.in + i) * K + dy) * K
											+ dx];
										sum += term;
										magnitude += Math.abs(term);
									}
								}
							}
							assertEquals(sum, got[((n * p.out + o) * SIDE + r) * SIDE + q], 2e-6 * magnitude + 1e-6, p + " at "
								+ n + "," + o + "," + r + "," + q);
						}
					}
				}
			}
		}
	}

	/** Reflect padding: the values of a zero-padded convolution of the mirrored image (PyTorch's 'reflect'). */
	@Test
	void reflectPaddingConvolvesTheMirroredImage() {
		Engines.prepareInferenceThread();
		for (int[] c : new int[][]{ { 3, 64 }, { 24, 32 }, { 64, 64 } }) {
			Problem p = new Problem(c[0], c[1], new Random(c[0] * 10 + c[1]));
			float[] got;
			try (NDManager m = NDManager.newBaseManager(Engines.device(DeviceChoice.CPU))) {
				got = Layers.conv(m.create(p.x, p.xShape()), m.create(p.w, p.wShape()), m.create(p.b, new Shape(p.out)),
					Padding.REFLECT).toFloatArray();
			}
			for (int n = 0; n < BATCH; n++) {
				for (int o = 0; o < p.out; o++) {
					for (int r : new int[]{ 0, 1, SIDE / 2, SIDE - 1 }) {
						for (int q : new int[]{ 0, 1, SIDE / 2, SIDE - 1 }) {
							double sum = p.b[o];
							double magnitude = Math.abs(p.b[o]);
							for (int i = 0; i < p.in; i++) {
								for (int dy = 0; dy < K; dy++) {
									for (int dx = 0; dx < K; dx++) {
										double term = p.input(n, i, mirror(r + dy - 1), mirror(q + dx - 1)) * p.w[((o * p.in + i)
											* K + dy) * K + dx];
										sum += term;
										magnitude += Math.abs(term);
									}
								}
							}
							assertEquals(sum, got[((n * p.out + o) * SIDE + r) * SIDE + q], 2e-6 * magnitude + 1e-6, p + " at "
								+ r + "," + q);
						}
					}
				}
			}
		}
	}

	/** A constant image stays constant through a reflect-padded convolution, also one pixel high (the edge repeated). */
	@Test
	void reflectPaddingKeepsAConstantConstantForAnySize() {
		Engines.prepareInferenceThread();
		for (int[] size : new int[][]{ { 1, 1 }, { 1, 5 }, { 2, 3 }, { 7, 4 } }) {
			try (NDManager m = NDManager.newBaseManager(Engines.device(DeviceChoice.CPU))) {
				NDArray x = m.full(new Shape(1, 2, size[0], size[1]), 0.7f);
				NDArray w = m.create(Problem.gaussian(new Random(3), 4 * 2 * K * K), new Shape(4, 2, K, K));
				NDArray b = m.zeros(new Shape(4));
				float[] y = Layers.conv(x, w, b, Padding.REFLECT).toFloatArray();
				float[] kernelSums = w.sum(new int[]{ 1, 2, 3 }).mul(0.7f).toFloatArray();
				for (int i = 0; i < y.length; i++) {
					assertEquals(kernelSums[i / (size[0] * size[1])], y[i], 1e-5, "size " + size[0] + " x " + size[1] + " at "
						+ i);
				}
			}
		}
	}

	private static int mirror(int i) {
		return i < 0 ? -i : i >= SIDE ? 2 * (SIDE - 1) - i : i;
	}

	@Test
	void gradientsAreTheExactOnesForEveryChannelCount() {
		int[][] channels = { { 8, 8 }, { 24, 12 }, { 16, 24 }, { 64, 64 } };
		for (int[] c : channels) {
			Problem p = new Problem(c[0], c[1], new Random(c[0] * 100 + c[1] + 7));
			float[] g = Problem.gaussian(new Random(5), BATCH * p.out * SIDE * SIDE);
			float[][] got = gradients(p, g);
			// loss = sum of g * y: dx = sum over o, taps of g(shifted) w; dW = sum of g x(shifted); db = sum of g
			for (int n = 0; n < BATCH; n++) {
				for (int i = 0; i < p.in; i++) {
					for (int r = 0; r < SIDE; r++) {
						for (int q = 0; q < SIDE; q++) {
							double sum = 0;
							double magnitude = 0;
							for (int o = 0; o < p.out; o++) {
								for (int dy = 0; dy < K; dy++) {
									for (int dx = 0; dx < K; dx++) {
										int yr = r - dy + 1;
										int yq = q - dx + 1;
										if (yr < 0 || yr >= SIDE || yq < 0 || yq >= SIDE) continue;
										double term = g[((n * p.out + o) * SIDE + yr) * SIDE + yq] * p.w[((o * p.in + i) * K + dy)
											* K + dx];
										sum += term;
										magnitude += Math.abs(term);
									}
								}
							}
							assertEquals(sum, got[0][((n * p.in + i) * SIDE + r) * SIDE + q], 1e-5 * magnitude + 1e-5, p
								+ " dx at " + n + "," + i + "," + r + "," + q);
						}
					}
				}
			}
			for (int o = 0; o < p.out; o++) {
				double bias = 0;
				double biasMagnitude = 0;
				for (int i = 0; i < p.in; i++) {
					for (int dy = 0; dy < K; dy++) {
						for (int dx = 0; dx < K; dx++) {
							double sum = 0;
							double magnitude = 0;
							for (int n = 0; n < BATCH; n++) {
								for (int r = 0; r < SIDE; r++) {
									for (int q = 0; q < SIDE; q++) {
										double term = g[((n * p.out + o) * SIDE + r) * SIDE + q] * p.input(n, i, r + dy - 1, q
											+ dx - 1);
										sum += term;
										magnitude += Math.abs(term);
									}
								}
							}
							assertEquals(sum, got[1][((o * p.in + i) * K + dy) * K + dx], 1e-5 * magnitude + 1e-5, p + " dW at "
								+ o + "," + i + "," + dy + "," + dx);
						}
					}
				}
				for (int n = 0; n < BATCH; n++) {
					for (int s = 0; s < SIDE * SIDE; s++) {
						bias += g[(n * p.out + o) * SIDE * SIDE + s];
						biasMagnitude += Math.abs(g[(n * p.out + o) * SIDE * SIDE + s]);
					}
				}
				assertEquals(bias, got[2][o], 1e-5 * biasMagnitude + 1e-5, p + " db at " + o);
			}
		}
	}

	/**
	 * d(sum of g * conv(x))/d(x, w, b), with x the result of an operation as inside a network (the
	 * input gradient is what oneDNN got wrong).
	 */
	private static float[][] gradients(Problem p, float[] g) {
		try (NDManager m = NDManager.newBaseManager(Engines.device(DeviceChoice.CPU))) {
			NDArray x = m.create(p.x, p.xShape());
			NDArray w = m.create(p.w, p.wShape());
			NDArray b = m.create(p.b, new Shape(p.out));
			for (NDArray a : new NDArray[]{ x, w, b }) a.setRequiresGradient(true);
			try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
				NDArray y = Layers.conv(x.mul(1), w, b);
				collector.backward(y.mul(m.create(g, y.getShape())).sum());
			}
			finally {
				Engines.prepareInferenceThread();
			}
			return new float[][]{ x.getGradient().toFloatArray(), w.getGradient().toFloatArray(), b.getGradient()
				.toFloatArray() };
		}
	}

	/** Random input (BATCH, in, SIDE, SIDE), weights (out, in, 3, 3) and bias. */
	private static final class Problem {
		final int in;
		final int out;
		final float[] x;
		final float[] w;
		final float[] b;

		Problem(int in, int out, Random r) {
			this.in = in;
			this.out = out;
			x = gaussian(r, BATCH * in * SIDE * SIDE);
			w = gaussian(r, out * in * K * K);
			b = gaussian(r, out);
		}

		/** The input with zero padding outside the image. */
		double input(int n, int channel, int row, int column) {
			if (row < 0 || row >= SIDE || column < 0 || column >= SIDE) return 0;
			return x[((n * in + channel) * SIDE + row) * SIDE + column];
		}

		Shape xShape() {
			return new Shape(BATCH, in, SIDE, SIDE);
		}

		Shape wShape() {
			return new Shape(out, in, K, K);
		}

		static float[] gaussian(Random r, int count) {
			float[] v = new float[count];
			for (int i = 0; i < count; i++) v[i] = (float) r.nextGaussian();
			return v;
		}

		@Override
		public String toString() {
			return in + " -> " + out + " channels";
		}
	}
}
