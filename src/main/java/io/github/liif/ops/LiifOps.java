package io.github.liif.ops;

import io.github.liif.app.UpscaleRequest;
import io.github.liif.imglib2.ImgData;
import io.github.liif.imglib2.ImgUpscale;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.model.ModelFormatException;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/** LIIF as SciJava Ops, declared in Javadoc and indexed into {@code ops.yaml} at build time. */
public final class LiifOps {

	private LiifOps() {}

	/**
	 * Upscales an image by any factor with the default LIIF model for non-RGB data
	 * (microscopy): dimensions 0 and 1 are X and Y, every other position is a plane.
	 *
	 * @implNote op names='filter.liifUpscale' type='java.util.function.BiFunction'
	 * @param image the image to upscale
	 * @param scale the factor for both axes, a real number of at least 1
	 * @return the upscaled image, float, in the input's intensity units
	 */
	public static <T extends RealType<T>> Img<FloatType> liifUpscale(RandomAccessibleInterval<T> image, Double scale) {
		try {
			return ImgUpscale.run(image, ImgData.NO_CHANNELS, UpscaleRequest.builder(TargetSize.scale(scale)).float32(true)
				.build(), Monitor.NONE);
		}
		catch (ModelFormatException e) {
			throw new IllegalStateException(e.getMessage(), e);
		}
	}
}
