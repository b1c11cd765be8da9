package io.github.liif.imglib2;

import io.github.liif.app.ImageData;
import io.github.liif.app.PixelCalibration;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

/**
 * An ImgLib2 image as the application reads it: dimensions 0 and 1 are X and Y; one further
 * dimension may be the channels; every position of the others is a slice (the first fastest).
 * Unsigned bytes are 8-bit data, unsigned shorts 16-bit, every other type 32-bit. Read through
 * views, plane by plane, never copied whole.
 *
 * @param channelAxis the dimension of the channels, or -1: one channel
 */
public record ImgData<T extends RealType<T>>(RandomAccessibleInterval<T> image, int channelAxis) implements ImageData {

	/** No channel dimension. */
	public static final int NO_CHANNELS = -1;

	public ImgData {
		if (image.numDimensions() < 2) throw new IllegalArgumentException("the image needs at least two dimensions (X, Y)");
		if (channelAxis != NO_CHANNELS && (channelAxis < 2 || channelAxis >= image.numDimensions())) {
			throw new IllegalArgumentException("the channel dimension must be one after X and Y (2 to " + (image.numDimensions()
				- 1) + "), or -1 for none; got " + channelAxis);
		}
	}

	@Override
	public String name() {
		return "the image";
	}

	@Override
	public int width() {
		return Math.toIntExact(image.dimension(0));
	}

	@Override
	public int height() {
		return Math.toIntExact(image.dimension(1));
	}

	@Override
	public int x0() {
		return 0;
	}

	@Override
	public int y0() {
		return 0;
	}

	@Override
	public int channels() {
		return channelAxis == NO_CHANNELS ? 1 : Math.toIntExact(image.dimension(channelAxis));
	}

	@Override
	public int slices() {
		long slices = 1;
		for (int d = 2; d < image.numDimensions(); d++) if (d != channelAxis) slices *= image.dimension(d);
		return Math.toIntExact(slices);
	}

	@Override
	public int frames() {
		return 1;
	}

	@Override
	public int bitDepth() {
		T type = Views.flatIterable(image).firstElement();
		return type instanceof UnsignedByteType ? 8 : type instanceof UnsignedShortType ? 16 : 32;
	}

	@Override
	public boolean palette() {
		return false;
	}

	@Override
	public PixelCalibration calibration() {
		return PixelCalibration.NONE;
	}

	@Override
	public float[] plane(int c, int z, int t, int colour) {
		float[] out = new float[width() * height()];
		Cursor<T> cursor = Views.flatIterable(plane(image, channelAxis, c, z)).cursor();
		for (int i = 0; i < out.length; i++) out[i] = cursor.next().getRealFloat();
		return out;
	}

	/** Channel c of slice z as a view of X and Y. */
	static <S> RandomAccessibleInterval<S> plane(RandomAccessibleInterval<S> image, int channelAxis, int c, int z) {
		long[] position = new long[image.numDimensions()];
		long rest = z;
		for (int d = 2; d < position.length; d++) {
			if (d == channelAxis) {
				position[d] = image.min(d) + c;
				continue;
			}
			position[d] = image.min(d) + rest % image.dimension(d);
			rest /= image.dimension(d);
		}
		RandomAccessibleInterval<S> view = image;
		for (int d = position.length - 1; d >= 2; d--) view = Views.hyperSlice(view, d, position[d]);
		return view;
	}
}
