package io.github.liif.imagej;

import io.github.liif.image.PlanarImage;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.Upscaler;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.normalize.Percentiles;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Upscales an ImgLib2 image: dimensions 0 and 1 are X and Y, every further position is a plane
 * upscaled with the same (gray, or colour by replication) model. 8-bit data is divided by 255,
 * other types are mapped by percentiles over the whole image; the result is float in the
 * input's units.
 */
public final class ImgUpscaler {

	private final Upscaler upscaler;

	public ImgUpscaler(Upscaler upscaler) {
		this.upscaler = upscaler;
	}

	public <T extends RealType<T>> Img<FloatType> upscale(RandomAccessibleInterval<T> input, TargetSize size, Monitor monitor) {
		if (input.numDimensions() < 2) throw new IllegalArgumentException("the image needs at least two dimensions (X, Y)");
		int w = Math.toIntExact(input.dimension(0));
		int h = Math.toIntExact(input.dimension(1));
		long outW = size.width(w);
		long outH = size.height(h);
		if (outW * outH > Integer.MAX_VALUE) throw new IllegalArgumentException("the result plane would exceed 2^31 pixels");
		long planes = 1;
		long[] outDims = new long[input.numDimensions()];
		input.dimensions(outDims);
		for (int d = 2; d < outDims.length; d++) planes *= outDims[d];
		outDims[0] = outW;
		outDims[1] = outH;
		float[][] in = new float[Math.toIntExact(planes)][w * h];
		Cursor<T> cursor = Views.flatIterable(input).cursor();
		for (float[] plane : in) for (int i = 0; i < plane.length; i++) plane[i] = cursor.next().getRealFloat();
		IntensityRange range = Views.flatIterable(input).firstElement() instanceof UnsignedByteType ? IntensityRange.EIGHT_BIT
			: Percentiles.range(in.length, p -> in[p], Percentiles.LOW, Percentiles.HIGH);
		Img<FloatType> out = ArrayImgs.floats(outDims);
		Cursor<FloatType> target = Views.flatIterable(out).cursor();
		int modelChannels = upscaler.network().spec().inChannels();
		for (float[] plane : in) {
			float[] unit = new float[plane.length];
			for (int i = 0; i < unit.length; i++) unit[i] = Float.isFinite(plane[i]) ? range.toUnit(plane[i]) : 0f;
			float[][] channels = new float[modelChannels][];
			java.util.Arrays.fill(channels, unit);
			PlanarImage up = upscaler.upscale(new PlanarImage(h, w, channels), (int) outH, (int) outW, monitor);
			for (int i = 0; i < outW * outH; i++) {
				double mean = 0;
				for (int c = 0; c < modelChannels; c++) mean += up.plane(c)[i];
				target.next().setReal(range.fromUnit((float) (mean / modelChannels)));
			}
		}
		return out;
	}
}
