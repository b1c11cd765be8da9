package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ij.ImagePlus;
import io.github.liif.TinyModels;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.network.LiifNetwork;
import java.util.List;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

/** The ImgLib2 path is the ImageJ path: same planes, same intensity map, same channel policy, to the bit. */
class ImgUpscalerTest {

	@Test
	void aTranslatedStackViewUpscalesExactlyAsTheSameImagePlus() {
		// a 16-bit single-channel stack: the ImagePlus path's per-channel percentiles are then the Img path's whole-image ones
		ImagePlus imp = ImagePlusUpscalerTest.random("16-bit", 13, 9, 1, 4, 1);
		Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(13, 9, 4);
		Cursor<UnsignedShortType> c = Views.flatIterable(img).cursor();
		for (int s = 1; s <= 4; s++) {
			short[] pixels = (short[]) imp.getStack().getProcessor(s).getPixels();
			for (short v : pixels) c.next().set(v & 0xffff);
		}
		// a view with its origin elsewhere and Z split into two axes (2 x 2): planes in flat order, dimension 2 fastest
		RandomAccessibleInterval<UnsignedShortType> view = Views.translate(Views.addDimension(img, 0, 0), 7, -3, 2, 5);
		RandomAccessibleInterval<UnsignedShortType> split = Views.interval(Views.translate(img, 7, -3, 2), new long[]{ 7, -3, 2 },
			new long[]{ 19, 5, 5 });
		for (int channels : new int[]{ 1, 3 }) {
			try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(channels, true, 30 + channels), Device.cpu())) {
				Upscaler upscaler = new Upscaler(net, UpscaleOptions.DEFAULT);
				ImagePlus expected = new ImagePlusUpscaler(upscaler).upscale(imp, TargetSize.scales(2, 1.5), true, Monitor.NONE);
				for (RandomAccessibleInterval<UnsignedShortType> input : List.of(view, split)) {
					Img<FloatType> out = new ImgUpscaler(upscaler).upscale(input, TargetSize.scales(2, 1.5), Monitor.NONE);
					assertEquals(26, out.dimension(0));
					assertEquals(14, out.dimension(1));
					Cursor<FloatType> o = Views.flatIterable(out).cursor();
					for (int s = 1; s <= 4; s++) {
						float[] plane = new float[26 * 14];
						for (int i = 0; i < plane.length; i++) plane[i] = o.next().get();
						assertArrayEquals((float[]) expected.getStack().getProcessor(s).getPixels(), plane, 0f, channels
							+ "-channel model, plane " + s + " of a " + input.numDimensions() + "-d view");
					}
				}
			}
		}
	}

	@Test
	void aResultLargerThanMemoryIsRefusedBeforeAnyWork() {
		// 200 planes of 40000 x 40000 floats: 1.3 TB
		Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(100, 100, 200);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(1, true, 3), Device.cpu())) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ImgUpscaler(new Upscaler(net,
				UpscaleOptions.DEFAULT)).upscale(img, TargetSize.scale(400), Monitor.NONE));
			assertTrue(e.getMessage().startsWith(
				"the result (40000 x 40000 x 200 planes, 32-bit) needs about 1280.00 GB of memory"), e.getMessage());
		}
	}
}
