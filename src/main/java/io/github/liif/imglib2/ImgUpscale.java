package io.github.liif.imglib2;

import io.github.liif.app.UpscaleRequest;
import io.github.liif.app.UpscaleService;
import io.github.liif.inference.Monitor;
import io.github.liif.model.ModelFormatException;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/** The upscale of an ImgLib2 image, as the ImgLib2 front ends (SciJava command, Ops) ask for it. */
public final class ImgUpscale {

	private ImgUpscale() {}

	/**
	 * Upscales into a new float image in the input's units (the request's float32 is ignored: the
	 * result is always float).
	 *
	 * @param channelAxis the channels' dimension, or {@link ImgData#NO_CHANNELS}
	 */
	public static <T extends RealType<T>> Img<FloatType> run(RandomAccessibleInterval<T> input, int channelAxis,
		UpscaleRequest request, Monitor monitor) throws ModelFormatException
	{
		ImgData<T> image = new ImgData<>(input, channelAxis);
		ImgResult result = new ImgResult(image);
		UpscaleService.upscale(request.asFloat32(), image, result, monitor);
		return result.image();
	}
}
