package io.github.liif.eval;

/**
 * The scores of one image at one scale: the model against bicubic. {@code bias} and
 * {@code biasBicubic}: per channel, the mean error against the original, in the image's own
 * levels (0-255 for 8-bit and RGB).
 */
public record EvalRow(String image, double scale, double psnr, double psnrBicubic, double ssim, double ssimBicubic,
	double[] bias, double[] biasBicubic)
{

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
