package io.github.liif.eval;

import io.github.liif.image.AxisTaps;
import io.github.liif.image.Degradation;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Monitor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Reduce-and-restore along Z, the XY protocol turned on its side: for scale s a volume of nz
 * slices keeps its first round(floor(nz / s) * s), the degradation reduces them along Z alone
 * to floor(nz / s) slices (8-bit volumes stored as 8-bit), and three restorations back to the
 * kept slices are scored against them: the model (on XZ and YZ planes), linear interpolation
 * along Z (Fiji's Image > Scale) and PIL's bicubic along Z. ceil(s) slices are shaved at each
 * end; PSNR as {@link Metrics} computes it (luma for RGB), biases in the volume's own levels.
 */
public final class AxialEvaluation {

	/**
	 * A volume in network space: per image channel, its slices packed one after another.
	 *
	 * @param levels intensity levels per unit of [0, 1] (255 for 8-bit)
	 */
	public record Volume(String name, float[][] voxels, int slices, int height, int width, boolean eightBit, double levels) {}

	/** One volume at one scale; biases are the worst channel's mean error, in levels. */
	public record Row(String volume, double scale, double psnr, double psnrLinear, double psnrCubic, double bias,
		double biasLinear, double biasCubic)
	{

		public double gainOverLinear() {
			return psnr - psnrLinear;
		}

		public double gainOverCubic() {
			return psnr - psnrCubic;
		}
	}

	private final Degradation degradation;
	private final double noise;
	private final long seed;
	private final double axialSigma;

	/**
	 * @param seed the noise's seed (see {@link Evaluation#Evaluation(Degradation, double, long, boolean)})
	 * @param axialSigma the axial PSF: a Gaussian of this many HR slices before the reduction, as a
	 *          thicker optical section blurs (0: none)
	 */
	public AxialEvaluation(Degradation degradation, double noise, long seed, double axialSigma) {
		this.degradation = degradation;
		this.noise = noise;
		this.seed = seed;
		this.axialSigma = axialSigma;
	}

	public List<Row> run(AxialUpscaler model, List<Volume> volumes, double[] scales, Monitor monitor) {
		return Evaluation.overScales(volumes, scales, monitor, (v, s) -> score(model, v, s));
	}

	/** Scores one volume at one scale; null if it has too few slices for that scale. */
	public Row score(AxialUpscaler model, Volume v, double s) {
		int lrZ = (int) Math.floor(v.slices() / s + 1e-9);
		int hrZ = (int) Math.round(lrZ * s);
		int shave = (int) Math.ceil(s);
		if (lrZ < 2 || hrZ <= 2 * shave) return null;
		int pixels = v.height() * v.width();
		AxisTaps keep = AxisTaps.identity(pixels);
		float[][] hr = new float[v.voxels().length][];
		float[][] lr = new float[hr.length][];
		float[][] linear = new float[hr.length][];
		float[][] cubic = new float[hr.length][];
		Random noiseSource = Evaluation.noise(seed, v.name(), s);
		AxisTaps reduction = degradation.taps(hrZ, lrZ, Degradation.psfSigma(hrZ, 1, lrZ, 1));
		AxisTaps down = axialSigma > 0 ? AxisTaps.blurred(reduction, hrZ, axialSigma) : reduction;
		for (int c = 0; c < hr.length; c++) {
			hr[c] = Arrays.copyOf(v.voxels()[c], hrZ * pixels);
			lr[c] = AxisTaps.resample(down, keep, hr[c], 0, 0, hrZ, pixels, 0, 0, lrZ, pixels);
			for (int i = 0; i < lr[c].length; i++) {
				if (degradation == Degradation.BLUR_NOISE) {
					double variance = noise * Math.max(0, lr[c][i]) + noise * noise;
					lr[c][i] += (float) (Math.sqrt(variance) * noiseSource.nextGaussian());
				}
				if (v.eightBit()) lr[c][i] = Math.round(Math.min(1f, Math.max(0f, lr[c][i])) * 255f) / 255f;
			}
			linear[c] = AxisTaps.resample(AxisTaps.linear(lrZ, hrZ), keep, lr[c], 0, 0, lrZ, pixels, 0, 0, hrZ, pixels);
			cubic[c] = AxisTaps.resample(AxisTaps.bicubic(lrZ, hrZ), keep, lr[c], 0, 0, lrZ, pixels, 0, 0, hrZ, pixels);
		}
		float[][] restored = model.upscale(lr, lrZ, v.height(), v.width(), hrZ, Monitor.NONE);
		PlanarImage truth = inner(hr, shave, hrZ, v);
		PlanarImage ours = inner(restored, shave, hrZ, v);
		PlanarImage lin = inner(linear, shave, hrZ, v);
		PlanarImage cub = inner(cubic, shave, hrZ, v);
		return new Row(v.name(), s, Metrics.psnr(ours, truth, 0), Metrics.psnr(lin, truth, 0), Metrics.psnr(cub, truth, 0),
			worstBias(ours, truth, v), worstBias(lin, truth, v), worstBias(cub, truth, v));
	}

	/** Slices [shave, hrZ - shave) stacked into one tall image, so the 2-D metrics score the volume. */
	private static PlanarImage inner(float[][] packed, int shave, int hrZ, Volume v) {
		int pixels = v.height() * v.width();
		float[][] planes = new float[packed.length][];
		for (int c = 0; c < packed.length; c++) planes[c] = Arrays.copyOfRange(packed[c], shave * pixels, (hrZ - shave) * pixels);
		return new PlanarImage((hrZ - 2 * shave) * v.height(), v.width(), planes);
	}

	private static double worstBias(PlanarImage prediction, PlanarImage truth, Volume v) {
		double worst = 0;
		for (double e : Metrics.meanError(prediction, truth, 0, v.eightBit())) if (Math.abs(e) > Math.abs(worst)) worst = e;
		return worst * v.levels();
	}

	/** Mean of a column over rows at one scale. */
	public static double mean(List<Row> rows, double scale, ToDoubleFunction<Row> f) {
		return rows.stream().filter(r -> r.scale() == scale).mapToDouble(f).average().orElse(Double.NaN);
	}
}
