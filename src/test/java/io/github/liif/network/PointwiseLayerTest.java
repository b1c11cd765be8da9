package io.github.liif.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.github.liif.runtime.DeviceChoice;
import io.github.liif.runtime.Engines;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Layers#pointwise}, the decoder's layers as 1x1 convolutions: the same values as x W^T + b
 * summed in double precision, for batches on both sides of libtorch's switch to oneDNN (about 20 000
 * inputs) and the decoder's widths; owned by the input's manager; exact gradients (training runs it).
 */
class PointwiseLayerTest {

	@Test
	void equalsTheMatrixProductPlusBiasForEveryBatchAndWidth() {
		Engines.prepareInferenceThread();
		int[][] sizes = { { 1, 4, 8 }, { 7, 256, 3 }, { 100, 36, 32 }, { 4096, 256, 256 }, { 2049, 580, 256 } };
		for (int[] size : sizes) {
			int n = size[0];
			int in = size[1];
			int out = size[2];
			Random r = new Random(n + in + out);
			float[] x = values(r, n * in);
			float[] w = values(r, out * in);
			float[] b = values(r, out);
			try (NDManager weights = NDManager.newBaseManager(Engines.device(DeviceChoice.CPU));
				NDManager scope = NDManager.newBaseManager(Engines.device(DeviceChoice.CPU)))
			{
				NDArray wArray = weights.create(w, new Shape(out, in));
				NDArray bArray = weights.create(b, new Shape(out));
				int before = weights.getManagedArrays().size();
				NDArray y = Layers.pointwise(scope.create(x, new Shape(n, in)), wArray, bArray);
				assertEquals(new Shape(n, out), y.getShape());
				assertEquals(before, weights.getManagedArrays().size(),
					"nothing of a batch may outlive it on the weights' manager");
				assertIsTheProduct(x, w, b, in, y.toFloatArray());
			}
		}
	}

	/**
	 * {@link Layers#dense}, the decoder's layer, for output widths libtorch 2.7.1's oneDNN 1x1
	 * convolution got wrong on this project's AVX-512 machine (40, 80 and 100 with any input, 320
	 * with 64 inputs: errors as large as the values) and for the widths it uses that convolution for.
	 */
	@Test
	void decoderLayersAreRightForEveryWidth() {
		Engines.prepareInferenceThread();
		int[][] sizes = { { 5000, 64, 40 }, { 5000, 256, 80 }, { 300, 148, 100 }, { 5000, 64, 320 }, { 4097, 580, 256 }, { 1000,
			64, 288 }, { 4097, 256, 128 }, { 7, 256, 3 }, { 5000, 12, 32 } };
		for (int[] size : sizes) {
			int n = size[0];
			int in = size[1];
			int out = size[2];
			Random r = new Random(n * 7 + in + out);
			float[] x = values(r, n * in);
			float[] w = values(r, out * in);
			float[] b = values(r, out);
			float[] got;
			try (NDManager m = NDManager.newBaseManager(Engines.device(DeviceChoice.CPU))) {
				got = Layers.dense(m.create(x, new Shape(n, in)), m.create(w, new Shape(out, in)), m.create(b, new Shape(out)))
					.toFloatArray();
			}
			assertIsTheProduct(x, w, b, in, got);
		}
	}

	/** got (n, out) = x (n, in) W^T + b, summed in double precision. */
	private static void assertIsTheProduct(float[] x, float[] w, float[] b, int in, float[] got) {
		int out = b.length;
		int n = x.length / in;
		for (int i = 0; i < n; i++) {
			for (int o = 0; o < out; o++) {
				double sum = b[o];
				double magnitude = Math.abs(b[o]);
				for (int k = 0; k < in; k++) {
					sum += (double) x[i * in + k] * w[o * in + k];
					magnitude += Math.abs((double) x[i * in + k] * w[o * in + k]);
				}
				// float32 accumulation: a few ulps of the terms' total magnitude
				assertEquals(sum, got[i * out + o], 2e-6 * magnitude + 1e-7, n + " x " + in + " -> " + out + " at " + i + ","
					+ o);
			}
		}
	}

	@Test
	void gradientsAreTheExactOnesToFloatPrecision() {
		int n = 300;
		int in = 80;
		int out = 64;
		Random r = new Random(3);
		float[] x = values(r, n * in);
		float[] w = values(r, out * in);
		float[] b = values(r, out);
		float[][] got = gradients(x, w, b, n, in, out);
		// loss = sum of y^2, y = x W^T + b: dy = 2y; dx = dy W, dW = dy^T x, db = column sums of dy
		double[] dy = new double[n * out];
		for (int i = 0; i < n; i++) {
			for (int o = 0; o < out; o++) {
				double y = b[o];
				for (int k = 0; k < in; k++) y += (double) x[i * in + k] * w[o * in + k];
				dy[i * out + o] = 2 * y;
			}
		}
		for (int i = 0; i < n; i++) {
			for (int k = 0; k < in; k++) {
				double sum = 0;
				double magnitude = 0;
				for (int o = 0; o < out; o++) {
					sum += dy[i * out + o] * w[o * in + k];
					magnitude += Math.abs(dy[i * out + o] * w[o * in + k]);
				}
				assertEquals(sum, got[0][i * in + k], 1e-5 * magnitude + 1e-5, "dx at " + i + "," + k);
			}
		}
		for (int o = 0; o < out; o++) {
			double bias = 0;
			double biasMagnitude = 0;
			for (int k = 0; k < in; k++) {
				double sum = 0;
				double magnitude = 0;
				for (int i = 0; i < n; i++) {
					sum += dy[i * out + o] * x[i * in + k];
					magnitude += Math.abs(dy[i * out + o] * x[i * in + k]);
				}
				assertEquals(sum, got[1][o * in + k], 1e-5 * magnitude + 1e-5, "dW at " + o + "," + k);
			}
			for (int i = 0; i < n; i++) {
				bias += dy[i * out + o];
				biasMagnitude += Math.abs(dy[i * out + o]);
			}
			assertEquals(bias, got[2][o], 1e-5 * biasMagnitude + 1e-5, "db at " + o);
		}
	}

	/** d(sum of squares of the output)/d(x, w, b) through {@link Layers#pointwise}. */
	private static float[][] gradients(float[] x, float[] w, float[] b, int n, int in, int out) {
		try (NDManager m = NDManager.newBaseManager(Engines.device(DeviceChoice.CPU))) {
			NDArray xa = m.create(x, new Shape(n, in));
			NDArray wa = m.create(w, new Shape(out, in));
			NDArray ba = m.create(b, new Shape(out));
			for (NDArray a : new NDArray[]{ xa, wa, ba }) a.setRequiresGradient(true);
			try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
				collector.backward(Layers.pointwise(xa, wa, ba).square().sum());
			}
			finally {
				Engines.prepareInferenceThread();
			}
			return new float[][]{ xa.getGradient().toFloatArray(), wa.getGradient().toFloatArray(), ba.getGradient()
				.toFloatArray() };
		}
	}

	private static float[] values(Random r, int count) {
		float[] v = new float[count];
		for (int i = 0; i < count; i++) v[i] = (float) r.nextGaussian();
		return v;
	}
}
