package io.github.liif.eval;

import io.github.liif.image.PlanarImage;

/**
 * Image quality as SR papers measure it: PSNR and SSIM on the luma (BT.601 Y, values in
 * [0, 1]) of RGB images or on the single channel of gray ones, with a border of
 * {@code shave} pixels excluded and predictions clamped to [0, 1].
 */
public final class Metrics {

	private Metrics() {}

	/** BT.601 luma as the SR benchmarks compute it: (65.738 R + 129.057 G + 25.064 B) / 256 + 16/255. */
	public static float[] luma(PlanarImage img, boolean clamp) {
		if (img.channels() == 1) return clamp ? clamped(img.plane(0)) : img.plane(0);
		float[] r = clamp ? clamped(img.plane(0)) : img.plane(0);
		float[] g = clamp ? clamped(img.plane(1)) : img.plane(1);
		float[] b = clamp ? clamped(img.plane(2)) : img.plane(2);
		float[] y = new float[r.length];
		for (int i = 0; i < y.length; i++) {
			y[i] = (float) ((65.738 * r[i] + 129.057 * g[i] + 25.064 * b[i]) / 256 + 16.0 / 255);
		}
		return y;
	}

	private static float[] clamped(float[] p) {
		float[] out = new float[p.length];
		for (int i = 0; i < p.length; i++) out[i] = Math.min(1f, Math.max(0f, p[i]));
		return out;
	}

	/**
	 * The bias of a prediction: per channel, its mean error against the ground truth (border of
	 * {@code shave} excluded), in [0, 1] units.
	 *
	 * @param clamp clamp the prediction to [0, 1] as an 8-bit result is stored (16- and 32-bit
	 *          results keep values beyond their percentile range, so they are not clamped there)
	 */
	public static double[] meanError(PlanarImage prediction, PlanarImage truth, int shave, boolean clamp) {
		checkSizes(prediction, truth, shave);
		int w = truth.width();
		double[] bias = new double[truth.channels()];
		for (int c = 0; c < bias.length; c++) {
			float[] p = prediction.plane(c);
			float[] t = truth.plane(c);
			double sum = 0;
			long n = 0;
			for (int y = shave; y < truth.height() - shave; y++) {
				for (int x = shave; x < w - shave; x++) {
					float v = p[y * w + x];
					sum += (clamp ? Math.min(1f, Math.max(0f, v)) : v) - t[y * w + x];
					n++;
				}
			}
			bias[c] = sum / n;
		}
		return bias;
	}

	/** PSNR in dB of a prediction against the ground truth (peak 1). */
	public static double psnr(PlanarImage prediction, PlanarImage truth, int shave) {
		checkSizes(prediction, truth, shave);
		float[] p = luma(prediction, true);
		float[] t = luma(truth, false);
		int w = truth.width();
		double sum = 0;
		long n = 0;
		for (int y = shave; y < truth.height() - shave; y++) {
			for (int x = shave; x < w - shave; x++) {
				double d = p[y * w + x] - t[y * w + x];
				sum += d * d;
				n++;
			}
		}
		double mse = sum / n;
		return mse == 0 ? Double.POSITIVE_INFINITY : -10 * Math.log10(mse);
	}

	/** SSIM (Wang et al. 2004: 11x11 Gaussian window, sigma 1.5, K1 0.01, K2 0.03, peak 1), mean over valid windows. */
	public static double ssim(PlanarImage prediction, PlanarImage truth, int shave) {
		checkSizes(prediction, truth, shave);
		int w = truth.width() - 2 * shave;
		int h = truth.height() - 2 * shave;
		float[] a = crop(luma(prediction, true), truth.width(), shave, w, h);
		float[] b = crop(luma(truth, false), truth.width(), shave, w, h);
		double[] g = new double[11];
		double gs = 0;
		for (int i = 0; i < 11; i++) gs += g[i] = Math.exp(-(i - 5) * (i - 5) / (2 * 1.5 * 1.5));
		double c1 = 0.01 * 0.01;
		double c2 = 0.03 * 0.03;
		double total = 0;
		long windows = 0;
		for (int y = 0; y + 11 <= h; y++) {
			for (int x = 0; x + 11 <= w; x++) {
				double ma = 0, mb = 0, aa = 0, bb = 0, ab = 0;
				for (int j = 0; j < 11; j++) {
					for (int i = 0; i < 11; i++) {
						double k = g[j] * g[i] / (gs * gs);
						double va = a[(y + j) * w + x + i];
						double vb = b[(y + j) * w + x + i];
						ma += k * va;
						mb += k * vb;
						aa += k * va * va;
						bb += k * vb * vb;
						ab += k * va * vb;
					}
				}
				double va = aa - ma * ma;
				double vb = bb - mb * mb;
				double cov = ab - ma * mb;
				total += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
				windows++;
			}
		}
		if (windows == 0) throw new IllegalArgumentException("image too small for SSIM's 11 x 11 window after shaving");
		return total / windows;
	}

	private static float[] crop(float[] p, int stride, int shave, int w, int h) {
		float[] out = new float[w * h];
		for (int y = 0; y < h; y++) System.arraycopy(p, (y + shave) * stride + shave, out, y * w, w);
		return out;
	}

	private static void checkSizes(PlanarImage a, PlanarImage b, int shave) {
		if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels()) {
			throw new IllegalArgumentException("prediction and truth differ in size or channels");
		}
		if (2 * shave >= a.width() || 2 * shave >= a.height()) {
			throw new IllegalArgumentException("image too small for a border of " + shave + " pixels");
		}
	}
}
