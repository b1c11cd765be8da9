package io.github.liif.eval;

/** The scores of one image at one scale: the model against bicubic. */
public record EvalRow(String image, double scale, double psnr, double psnrBicubic, double ssim, double ssimBicubic) {

	public double gain() {
		return psnr - psnrBicubic;
	}
}
