package io.github.liif.eval;

/**
 * The scores of one image at one scale: the model against bicubic. {@code bias} and
 * {@code biasBicubic}: per channel, the mean error against the original, in the image's own
 * levels (0-255 for 8-bit and RGB); {@code levels}: how many of those levels [0, 1] spans (255 for
 * 8-bit, the percentile range for 16/32-bit).
 */
public record EvalRow(String image, double scale, double psnr, double psnrBicubic, double ssim, double ssimBicubic, double[] bias,
	double[] biasBicubic, double levels)
{

	/** A bias in the image's levels as levels of an 8-bit image of the same range: comparable across bit depths. */
	public double onEightBitScale(double bias) {
		return bias * 255 / levels;
	}

	public double gain() {
		return psnr - psnrBicubic;
	}

	/** The model's bias of the channel where it is largest in magnitude, with its sign. */
	public double worstBias() {
		return worst(bias);
	}

	public double worstBiasBicubic() {
		return worst(biasBicubic);
	}

	/** The value largest in magnitude, with its sign (0 for none). */
	public static double worst(double[] values) {
		double w = 0;
		for (double v : values) if (Math.abs(v) > Math.abs(w)) w = v;
		return w;
	}
}
