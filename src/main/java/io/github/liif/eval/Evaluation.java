package io.github.liif.eval;

import io.github.liif.image.Bicubic;
import io.github.liif.image.Degradation;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.CancelledException;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.Upscaler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The reference's evaluation protocol: for scale s the LR size is floor(H / s), the HR image
 * is cropped to round(LR * s), the LR is made by the degradation, and the model's upscale and
 * bicubic's are scored against the HR crop (luma for RGB, border of ceil(s) shaved).
 */
public final class Evaluation {

	/**
	 * An HR image to evaluate on; {@code eightBit} selects PIL's 8-bit bicubic arithmetic;
	 * {@code levels}: the image's own intensity levels per unit of [0, 1] (255 for 8-bit), in
	 * which biases are reported.
	 */
	public record Image(String name, PlanarImage hr, boolean eightBit, double levels) {

		/** An image whose biases are reported on an 8-bit scale. */
		public Image(String name, PlanarImage hr, boolean eightBit) {
			this(name, hr, eightBit, 255);
		}
	}

	private final Degradation degradation;
	private final double noise;
	private final long seed;
	private final boolean withSsim;
	private final boolean axial;
	private final double axialSigma;

	/** @param seed the noise's seed: with each image's name and scale it fixes the noise, run after run */
	public Evaluation(Degradation degradation, double noise, long seed, boolean withSsim) {
		this(degradation, noise, seed, withSsim, false, 0);
	}

	/** The protocol without noise. */
	public Evaluation(Degradation degradation, boolean withSsim) {
		this(degradation, 0, 1, withSsim, false, 0);
	}

	private Evaluation(Degradation degradation, double noise, long seed, boolean withSsim, boolean axial, double axialSigma) {
		this.degradation = degradation;
		this.noise = noise;
		this.seed = seed;
		this.withSsim = withSsim;
		this.axial = axial;
		this.axialSigma = axialSigma;
	}

	/** The protocol along the rows only, with the axial degradation ({@link Degradation#applyAxial}): what an axial model learns. */
	public static Evaluation axial(Degradation degradation, double sigma, boolean withSsim) {
		return new Evaluation(degradation, 0, 1, withSsim, true, sigma);
	}

	public List<EvalRow> run(Upscaler upscaler, List<Image> images, double[] scales, Monitor monitor) {
		return overScales(images, scales, monitor, (image, s) -> score(upscaler, image, s));
	}

	/** Scores every item at every scale, in order, with progress and cancellation; items too small for a scale give null, left out. */
	static <T, R> List<R> overScales(List<T> items, double[] scales, Monitor monitor, BiFunction<T, Double, R> score) {
		List<R> rows = new ArrayList<>();
		long done = 0;
		long total = (long) items.size() * scales.length;
		for (T item : items) {
			for (double s : scales) {
				if (monitor.isCancelled()) throw new CancelledException();
				R row = score.apply(item, s);
				if (row != null) rows.add(row);
				monitor.progress(++done, total);
			}
		}
		return rows;
	}

	/** Scores one image at one scale; null if the image is too small for that scale. */
	public EvalRow score(Upscaler upscaler, Image image, double s) {
		PlanarImage full = image.hr();
		int lrH = (int) Math.floor(full.height() / s + 1e-9);
		int lrW = axial ? full.width() : (int) Math.floor(full.width() / s + 1e-9);
		int shave = (int) Math.ceil(s);
		int hrH = (int) Math.round(lrH * s);
		int hrW = axial ? full.width() : (int) Math.round(lrW * s);
		if (lrH < 4 || lrW < 4 || hrH <= 2 * shave + 11 || hrW <= 2 * shave + 11) return null;
		PlanarImage hr = new PlanarImage(hrH, hrW, cropPlanes(full, hrH, hrW));
		Random noiseSource = noise(seed, image.name(), s);
		float[][] lrPlanes = new float[hr.channels()][];
		float[][] bicubic = new float[hr.channels()][];
		for (int c = 0; c < hr.channels(); c++) {
			lrPlanes[c] = axial ? degradation.applyAxial(hr.plane(c), hrH, hrW, lrH, lrW, axialSigma, image.eightBit())
				: degradation.apply(hr.plane(c), hrH, hrW, lrH, lrW, image.eightBit(), noise, noiseSource::nextGaussian);
			bicubic[c] = image.eightBit() ? Degradation.bicubic8(lrPlanes[c], lrH, lrW, hrH, hrW) : Bicubic.resize(lrPlanes[c],
				lrH, lrW, hrH, hrW);
		}
		PlanarImage lr = new PlanarImage(lrH, lrW, lrPlanes);
		PlanarImage base = new PlanarImage(hrH, hrW, bicubic);
		PlanarImage pred = upscaler.upscale(lr, hrH, hrW, Monitor.NONE);
		double ssim = withSsim ? Metrics.ssim(pred, hr, shave) : Double.NaN;
		double ssimBase = withSsim ? Metrics.ssim(base, hr, shave) : Double.NaN;
		return new EvalRow(image.name(), s, Metrics.psnr(pred, hr, shave), Metrics.psnr(base, hr, shave), ssim, ssimBase, levels(
			Metrics.meanError(pred, hr, shave, image.eightBit()), image.levels()), levels(Metrics.meanError(base, hr, shave, image
				.eightBit()), image.levels()), image.levels());
	}

	/** The noise of one image at one scale: the same in every run with the same seed. */
	static Random noise(long seed, String image, double scale) {
		return new Random(seed * 1_000_003L + image.hashCode() * 31L + Double.hashCode(scale));
	}

	private static double[] levels(double[] units, double levels) {
		double[] out = units.clone();
		for (int i = 0; i < out.length; i++) out[i] *= levels;
		return out;
	}

	private static float[][] cropPlanes(PlanarImage img, int h, int w) {
		float[] window = img.copyWindow(0, 0, h, w);
		float[][] out = new float[img.channels()][];
		for (int c = 0; c < img.channels(); c++) out[c] = Arrays.copyOfRange(window, c * h * w, (c + 1) * h * w);
		return out;
	}

	/** Per channel, the mean over rows at one scale of a per-channel column. */
	public static double[] meanPerChannel(List<EvalRow> rows, double scale, Function<EvalRow, double[]> f) {
		List<double[]> values = rows.stream().filter(r -> r.scale() == scale).map(f).toList();
		if (values.isEmpty()) return new double[0];
		double[] mean = new double[values.get(0).length];
		for (double[] v : values) for (int c = 0; c < mean.length; c++) mean[c] += v[c] / values.size();
		return mean;
	}

	/** The row of the lowest gain at one scale, or null. */
	public static EvalRow worst(List<EvalRow> rows, double scale) {
		return rows.stream().filter(r -> r.scale() == scale).min(Comparator.comparingDouble(EvalRow::gain)).orElse(null);
	}

	/** Mean of a column over rows at one scale. */
	public static double mean(List<EvalRow> rows, double scale, ToDoubleFunction<EvalRow> f) {
		return rows.stream().filter(r -> r.scale() == scale).mapToDouble(f).average().orElse(Double.NaN);
	}
}
