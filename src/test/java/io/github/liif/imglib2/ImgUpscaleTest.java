package io.github.liif.imglib2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ij.ImagePlus;
import io.github.liif.TinyModels;
import io.github.liif.app.IntensityMapping;
import io.github.liif.app.StackUpscale;
import io.github.liif.imagej.ImagePlusData;
import io.github.liif.imagej.ImagePlusUpscalerTest;
import io.github.liif.imagej.InjectedUpscales;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.inference.ZScale;
import io.github.liif.network.LiifNetwork;
import java.util.List;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

/** The ImgLib2 path is the ImageJ path: same planes, same intensity rule, same channel policy, to the bit. */
class ImgUpscaleTest {

	private static <T extends RealType<T>> Img<FloatType> upscale(Upscaler upscaler, RandomAccessibleInterval<T> input,
		int channelAxis, TargetSize size)
	{
		ImgData<T> image = new ImgData<>(input, channelAxis);
		ImgResult result = new ImgResult(image);
		new StackUpscale(upscaler, AxialUpscaler.Planes.BOTH).upscale(image, size, ZScale.NONE, true, result, Monitor.NONE);
		return result.image();
	}

	/** The ImagePlus's stack slices, in its order, as an Img of X, Y and the slices. */
	private static Img<UnsignedShortType> asImg(ImagePlus imp) {
		Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(imp.getWidth(), imp.getHeight(), imp.getStackSize());
		Cursor<UnsignedShortType> c = Views.flatIterable(img).cursor();
		for (int s = 1; s <= imp.getStackSize(); s++) {
			for (short v : (short[]) imp.getStack().getProcessor(s).getPixels()) c.next().set(v & 0xffff);
		}
		return img;
	}

	@Test
	void aTranslatedStackViewUpscalesExactlyAsTheSameImagePlus() {
		ImagePlus imp = ImagePlusUpscalerTest.random("16-bit", 13, 9, 1, 4, 1);
		Img<UnsignedShortType> img = asImg(imp);
		// a view with its origin elsewhere and Z split into two axes (2 x 2): planes in flat order, dimension 2 fastest
		RandomAccessibleInterval<UnsignedShortType> view = Views.translate(Views.addDimension(img, 0, 0), 7, -3, 2, 5);
		RandomAccessibleInterval<UnsignedShortType> split = Views.interval(Views.translate(img, 7, -3, 2), new long[]{ 7, -3, 2 },
			new long[]{ 19, 5, 5 });
		for (int channels : new int[]{ 1, 3 }) {
			try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(channels, true, 30 + channels), Device.cpu())) {
				Upscaler upscaler = new Upscaler(net, UpscaleOptions.DEFAULT);
				ImagePlus expected = InjectedUpscales.inMemory(upscaler, imp, TargetSize.scales(2, 1.5), true);
				for (RandomAccessibleInterval<UnsignedShortType> input : List.of(view, split)) {
					Img<FloatType> out = upscale(upscaler, input, ImgData.NO_CHANNELS, TargetSize.scales(2, 1.5));
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
	void aMultiChannel16BitImageMapsEachChannelByItsOwnRangeAsTheImagePlusPathDoes() {
		// two channels three slices apart in brightness: one range for both would squeeze the dim one
		ImagePlus imp = ImagePlusUpscalerTest.random("16-bit", 11, 10, 2, 3, 1);
		for (int z = 1; z <= 3; z++) imp.getStack().getProcessor(imp.getStackIndex(2, z, 1)).multiply(12);
		ImagePlusData data = ImagePlusData.of(imp);
		Img<UnsignedShortType> img = asImg(imp);
		RandomAccessibleInterval<UnsignedShortType> xyzc = splitChannels(img);
		assertNotEquals(IntensityMapping.ranges(data)[0], IntensityMapping.ranges(data)[1]);
		assertEquals(List.of(IntensityMapping.ranges(data)), List.of(IntensityMapping.ranges(new ImgData<>(xyzc, 3))));
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(1, true, 41), Device.cpu())) {
			Upscaler upscaler = new Upscaler(net, UpscaleOptions.DEFAULT);
			ImagePlus expected = InjectedUpscales.inMemory(upscaler, imp, TargetSize.scale(2), true);
			Img<FloatType> out = upscale(upscaler, xyzc, 3, TargetSize.scale(2));
			for (int c = 0; c < 2; c++) {
				for (int z = 0; z < 3; z++) {
					float[] plane = new float[22 * 20];
					Cursor<FloatType> o = Views.flatIterable(ImgData.plane(out, 3, c, z)).cursor();
					for (int i = 0; i < plane.length; i++) plane[i] = o.next().get();
					assertArrayEquals((float[]) expected.getStack().getProcessor(expected.getStackIndex(c + 1, z + 1, 1))
						.getPixels(), plane, 0f, "channel " + c + ", slice " + z);
				}
			}
		}
	}

	/** X, Y, Z, C from slices stored channel fastest (ImageJ's order): the channel axis last. */
	private static RandomAccessibleInterval<UnsignedShortType> splitChannels(Img<UnsignedShortType> slices) {
		long[] max = { slices.max(0), slices.max(1), slices.max(2) };
		RandomAccessibleInterval<UnsignedShortType> fromSecond = Views.zeroMin(Views.interval(slices, new long[]{ 0, 0, 1 },
			max));
		return Views.stack(Views.subsample(slices, 1, 1, 2), Views.subsample(fromSecond, 1, 1, 2));
	}

	@Test
	void aResultLargerThanMemoryIsRefusedBeforeAnyWork() {
		// 200 planes of 40000 x 40000 floats: 1.3 TB
		Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(100, 100, 200);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(1, true, 3), Device.cpu())) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> upscale(new Upscaler(net,
				UpscaleOptions.DEFAULT), img, ImgData.NO_CHANNELS, TargetSize.scale(400)));
			assertTrue(e.getMessage().startsWith("the result (40000 x 40000 x 200 planes) needs about 1280.00 GB of memory"), e
				.getMessage());
		}
	}
}
