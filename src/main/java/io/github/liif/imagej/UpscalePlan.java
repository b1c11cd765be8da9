package io.github.liif.imagej;

import ij.ImagePlus;
import io.github.liif.inference.TargetSize;
import java.awt.Rectangle;
import java.util.Locale;

/**
 * The sizes and types of one ImagePlus upscale, decided and checked before any work: a plane
 * over 2^31 pixels (ImageJ's limit) or a result larger than the free memory is refused with
 * the numbers.
 */
record UpscalePlan(Rectangle region, int outWidth, int outHeight, int slices, int bitDepth, boolean float32,
	int modelChannels)
{

	static UpscalePlan of(ImagePlus imp, Rectangle region, TargetSize size, boolean float32, int modelChannels) {
		if (imp.getType() == ImagePlus.COLOR_256) {
			throw new IllegalArgumentException("'" + imp.getTitle() + "' is an 8-bit colour (palette) image; convert it "
				+ "with Image > Type > RGB Color first");
		}
		long w = size.width(region.width);
		long h = size.height(region.height);
		if (w * h > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("the result would be " + w + " x " + h + " = " + w * h
				+ " pixels per plane; ImageJ holds at most 2^31 - 1 pixels per plane. Choose a smaller scale or a ROI, "
				+ "or use the command line ('liif upscale'), which streams large results to BigTIFF");
		}
		return new UpscalePlan(region, (int) w, (int) h, imp.getStackSize(), imp.getBitDepth(), float32, modelChannels);
	}

	boolean rgb() {
		return bitDepth == 24;
	}

	/** Bit depth of each output slice: the input's, or 32 (RGB as 32-bit: one slice per colour). */
	int outputBitDepth() {
		return float32 ? 32 : bitDepth;
	}

	int passesPerSlice() {
		return rgb() && modelChannels == 1 ? 3 : 1;
	}

	/** Channels of the result: RGB as 32-bit becomes three channels. */
	int outputChannels(int inputChannels) {
		return rgb() && float32 ? 3 * inputChannels : inputChannels;
	}

	/** The result's pixels plus the float planes of one slice in flight. */
	long bytesNeeded() {
		long pixels = (long) outWidth * outHeight;
		int perPixel = float32 ? (rgb() ? 12 : 4) : bitDepth == 24 ? 4 : bitDepth / 8;
		return pixels * slices * perPixel + pixels * 4 * 3 * 2;
	}

	void checkMemory() {
		Runtime rt = Runtime.getRuntime();
		long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		long need = bytesNeeded();
		if (need > free) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"the result (%d x %d x %d planes) needs about %.2f GB of memory but only %.2f GB are free; raise "
					+ "ImageJ's memory (Edit > Options > Memory & Threads), choose a smaller scale, or use a ROI",
				outWidth, outHeight, slices, need / 1e9, free / 1e9));
		}
	}
}
