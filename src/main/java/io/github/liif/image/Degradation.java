package io.github.liif.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/** How a low-resolution plane is made from a high-resolution one (training and evaluation). */
public enum Degradation {
	/** PIL's antialiased bicubic (the reference's recipe). */
	BICUBIC,
	/** Mean over blocks, as camera binning does (area interpolation). */
	AREA,
	/** Gaussian blur (a PSF) then area reduction, then Poisson-Gaussian noise. */
	BLUR_NOISE;

	/**
	 * The ids as constants, for annotations (which take no computed values); a test checks that
	 * they are {@link #ids()}.
	 */
	public static final String BICUBIC_ID = "bicubic", AREA_ID = "area", BLUR_NOISE_ID = "blur-noise";

	/** Every degradation's id, in order. */
	public static String[] ids() {
		return Arrays.stream(values()).map(Degradation::id).toArray(String[]::new);
	}

	/** The name on the command line and in macros: bicubic, area, blur-noise. */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Degradation parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("unknown degradation '" + text + "': use bicubic, area or blur-noise");
		}
	}

	/**
	 * @param hr one plane in [0, 1] space
	 * @param eightBit values are multiples of 1/255: bicubic then runs in PIL's 8-bit arithmetic
	 * @param noise read-noise sigma and shot-noise gain (BLUR_NOISE only)
	 * @param gaussian standard normal numbers (BLUR_NOISE only)
	 */
	public float[] apply(float[] hr, int hrH, int hrW, int outH, int outW, boolean eightBit, double noise,
		DoubleSupplier gaussian)
	{
		return switch (this) {
			case BICUBIC -> eightBit ? bicubic8(hr, hrH, hrW, outH, outW) : Bicubic.resize(hr, hrH, hrW, outH, outW);
			case AREA -> Resampling.area(hr, hrH, hrW, outH, outW);
			case BLUR_NOISE -> {
				// the PSF, then binning, then shot (Poisson-like) and read noise
				float[] lr = Resampling.area(Resampling.gaussian(hr, hrH, hrW, psfSigma(hrH, hrW, outH, outW)), hrH, hrW, outH,
					outW);
				for (int i = 0; i < lr.length; i++) {
					double variance = noise * Math.max(0, lr[i]) + noise * noise;
					lr[i] += (float) (Math.sqrt(variance) * gaussian.getAsDouble());
				}
				yield lr;
			}
		};
	}

	/**
	 * The axial degradation (training for Z): a Gaussian blur of {@code rowSigma} HR pixels along
	 * the rows (the axial PSF), then this degradation (bicubic or area) to outH x outW; along
	 * columns of equal size nothing changes. 8-bit planes are stored as 8-bit again.
	 */
	public float[] applyAxial(float[] hr, int hrH, int hrW, int outH, int outW, double rowSigma, boolean eightBit) {
		if (this == BLUR_NOISE) throw new IllegalArgumentException("the axial degradation takes bicubic or area");
		AxisTaps rows = AxisTaps.blurred(taps(hrH, outH, 0), hrH, rowSigma);
		float[] lr = AxisTaps.resample(rows, taps(hrW, outW, 0), hr, 0, 0, hrH, hrW, 0, 0, outH, outW);
		if (eightBit) for (int i = 0; i < lr.length; i++) lr[i] = Math.round(Math.min(1f, Math.max(0f, lr[i])) * 255f) / 255f;
		return lr;
	}

	/**
	 * This degradation along one axis without its noise, HR size to LR size, as taps.
	 *
	 * @param sigma BLUR_NOISE's PSF in HR pixels (see {@link #psfSigma})
	 */
	public AxisTaps taps(int hrSize, int lrSize, double sigma) {
		return switch (this) {
			case BICUBIC -> AxisTaps.bicubic(hrSize, lrSize);
			case AREA -> AxisTaps.area(hrSize, lrSize);
			case BLUR_NOISE -> AxisTaps.blurredArea(hrSize, lrSize, sigma);
		};
	}

	/** BLUR_NOISE's PSF: a Gaussian of half an LR pixel of the larger reduction factor, in HR pixels. */
	public static double psfSigma(int hrH, int hrW, int lrH, int lrW) {
		return 0.5 * Math.max(hrH / (double) lrH, hrW / (double) lrW);
	}

	/** Bicubic on values quantised to 8 bits, in PIL's fixed-point arithmetic. */
	public static float[] bicubic8(float[] plane, int h, int w, int outH, int outW) {
		int[] q = new int[plane.length];
		for (int i = 0; i < q.length; i++) q[i] = Math.round(Math.min(1f, Math.max(0f, plane[i])) * 255f);
		int[] lr = Bicubic.resize8(q, h, w, outH, outW);
		float[] out = new float[lr.length];
		for (int i = 0; i < out.length; i++) out[i] = lr[i] / 255f;
		return out;
	}
}
