package io.github.liif.imagej;

import io.github.liif.app.HeapCheck;
import io.github.liif.app.UpscaleRequest;
import io.github.liif.app.UpscaleService;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.ChannelPolicy;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.ModelFormatException;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.normalize.Percentiles;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Upscales an ImgLib2 image: dimensions 0 and 1 are X and Y, every further position is a plane
 * upscaled with the same model (channels meet it by the one {@link ChannelPolicy}). 8-bit data is
 * divided by 255, other types are mapped by percentiles over the whole image; the result is float
 * in the input's units. The input is read through views, plane by plane, never copied whole.
 */
public final class ImgUpscaler {

	private final Upscaler upscaler;

	public ImgUpscaler(Upscaler upscaler) {
		this.upscaler = upscaler;
	}

	/**
	 * The one entry point of the ImgLib2 front ends (SciJava command, Ops): the request's model
	 * for non-RGB data, its size; the result is always float (the request's float32 is ignored).
	 */
	public static <T extends RealType<T>> Img<FloatType> run(RandomAccessibleInterval<T> input, UpscaleRequest request,
		Monitor monitor) throws ModelFormatException
	{
		return new ImgUpscaler(UpscaleService.upscaler(request, false)).upscale(input, request.size(), monitor);
	}

	public <T extends RealType<T>> Img<FloatType> upscale(RandomAccessibleInterval<T> input, TargetSize size, Monitor monitor) {
		if (input.numDimensions() < 2) throw new IllegalArgumentException("the image needs at least two dimensions (X, Y)");
		int w = Math.toIntExact(input.dimension(0));
		int h = Math.toIntExact(input.dimension(1));
		int[] outPlane = size.plane(w, h, "choose a smaller scale or upscale a crop");
		int outW = outPlane[0];
		int outH = outPlane[1];
		long[] outDims = new long[input.numDimensions()];
		input.dimensions(outDims);
		long planeCount = 1;
		for (int d = 2; d < outDims.length; d++) planeCount *= outDims[d];
		int planes = Math.toIntExact(planeCount);
		outDims[0] = outW;
		outDims[1] = outH;
		HeapCheck.require((long) outW * outH * planes * 4 + (long) w * h * 4, "the result (" + outW + " x " + outH + " x "
			+ planes + " planes, 32-bit)", "choose a smaller scale");
		IntensityRange range = Views.flatIterable(input).firstElement() instanceof UnsignedByteType ? IntensityRange.EIGHT_BIT
			: Percentiles.range(planes, p -> values(plane(input, p), w * h), Percentiles.LOW, Percentiles.HIGH);
		Img<FloatType> out = ArrayImgs.floats(outDims);
		int modelChannels = upscaler.network().spec().inChannels();
		for (int p = 0; p < planes; p++) {
			float[] unit = PlaneCodec.normalise(values(plane(input, p), w * h), range);
			RandomAccess<FloatType> target = plane(out, p).randomAccess();
			// blocks straight into the result plane, in the input's units
			ChannelPolicy.throughModel(new float[][]{ unit }, modelChannels, (v, tiles) -> upscaler.upscale(new PlanarImage(h, w,
				v), outH, outW, tiles, monitor), (c, y0, x0, bh, bw, values) -> {
					for (int y = 0; y < bh; y++) {
						target.setPosition(y0 + y, 1);
						for (int x = 0; x < bw; x++) {
							target.setPosition(x0 + x, 0);
							target.get().setReal(range.fromUnit(values[y * bw + x]));
						}
					}
				});
		}
		return out;
	}

	/** Plane {@code index} in flat order (dimension 2 fastest) as a view of X and Y. */
	static <T> RandomAccessibleInterval<T> plane(RandomAccessibleInterval<T> image, int index) {
		RandomAccessibleInterval<T> view = image;
		long[] position = new long[image.numDimensions()];
		long rest = index;
		for (int d = 2; d < position.length; d++) {
			position[d] = image.min(d) + rest % image.dimension(d);
			rest /= image.dimension(d);
		}
		for (int d = position.length - 1; d >= 2; d--) view = Views.hyperSlice(view, d, position[d]);
		return view;
	}

	private static <T extends RealType<T>> float[] values(RandomAccessibleInterval<T> plane, int pixels) {
		float[] out = new float[pixels];
		Cursor<T> cursor = Views.flatIterable(plane).cursor();
		for (int i = 0; i < pixels; i++) out[i] = cursor.next().getRealFloat();
		return out;
	}
}
