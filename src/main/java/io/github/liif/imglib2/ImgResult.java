package io.github.liif.imglib2;

import io.github.liif.app.ResultLayout;
import io.github.liif.app.ResultSink;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/** An upscale's result as a float ImgLib2 image of the input's dimensions, X and Y scaled, in the input's units. */
final class ImgResult implements ResultSink {

	private final ImgData<?> input;
	private Img<FloatType> image;

	ImgResult(ImgData<?> input) {
		this.input = input;
	}

	@Override
	public void begin(ResultLayout layout) {
		long[] dims = new long[input.image().numDimensions()];
		input.image().dimensions(dims);
		dims[0] = layout.plan().outWidth();
		dims[1] = layout.plan().outHeight();
		image = ArrayImgs.floats(dims);
	}

	@Override
	public void write(int slice, int colour, int y0, int x0, int h, int w, float[] samples) {
		int channels = input.channels();
		RandomAccessibleInterval<FloatType> plane = ImgData.plane(image, input.channelAxis(), slice % channels, slice / channels);
		RandomAccess<FloatType> target = plane.randomAccess();
		for (int y = 0; y < h; y++) {
			target.setPosition(y0 + y, 1);
			for (int x = 0; x < w; x++) {
				target.setPosition(x0 + x, 0);
				target.get().set(samples[y * w + x]);
			}
		}
	}

	Img<FloatType> image() {
		return image;
	}
}
