package io.github.liif.imagej;

import ij.ImagePlus;
import ij.measure.Calibration;
import io.github.liif.app.HeapCheck;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.ZScale;
import java.awt.Rectangle;

/**
 * The sizes and types of one ImagePlus upscale, decided and checked before any work: a plane
 * over 2^31 pixels (ImageJ's limit) or a result larger than the free memory is refused with
 * the numbers. With a Z scale, {@code inZ} slices become {@code outZ}.
 */
record UpscalePlan(Rectangle region, int outWidth, int outHeight, int slices, int bitDepth, boolean float32, int modelChannels,
	int inZ, int outZ)
{

	static UpscalePlan of(ImagePlus imp, Rectangle region, TargetSize size, boolean float32, int modelChannels) {
		return of(imp, region, size, ZScale.NONE, float32, modelChannels);
	}

	static UpscalePlan of(ImagePlus imp, Rectangle region, TargetSize size, ZScale z, boolean float32, int modelChannels) {
		if (imp.getType() == ImagePlus.COLOR_256) {
			throw new IllegalArgumentException("'" + imp.getTitle() + "' is an 8-bit colour (palette) image; convert it "
				+ "with Image > Type > RGB Color first");
		}
		int[] out = size.plane(region.width, region.height, "choose a smaller scale or a ROI");
		int w = out[0];
		int h = out[1];
		int nz = imp.getNSlices();
		int outZ = nz;
		if (!z.isNone()) {
			if (nz < 2) {
				throw new IllegalArgumentException("scale_z needs a Z-stack, but '" + imp.getTitle() + "' has " + nz + " slice"
					+ (imp.getStackSize() > 1 ? " (its " + imp.getStackSize()
						+ " planes are channels or frames; if they are slices, " + "fix that with Image > Properties...)" : ""));
			}
			Calibration cal = imp.getCalibration();
			outZ = z.slices(nz, cal.pixelDepth, cal.pixelWidth * region.width / (double) w, cal.scaled());
			if ((long) region.width * region.height * outZ > Integer.MAX_VALUE - 8) {
				throw new IllegalArgumentException("along Z the volume would be " + region.width + " x " + region.height + " x "
					+ outZ + " voxels, more than one channel of one volume may hold (2^31): choose a ROI or a smaller scale_z");
			}
		}
		long outPlanes = (long) imp.getNChannels() * outZ * imp.getNFrames();
		return new UpscalePlan(region, w, h, (int) outPlanes, imp.getBitDepth(), float32, modelChannels, nz, outZ);
	}

	/** Whether slices are added along Z. */
	boolean alongZ() {
		return outZ != inZ;
	}

	/** Whether the planes change size (with a Z scale, XY factors of 1 leave them as they are). */
	boolean alongXY() {
		return !alongZ() || outWidth != region.width || outHeight != region.height;
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

	/**
	 * The result's pixels, the input slice in network space, and along Z the volumes in and out;
	 * the network writes its blocks straight into the result, so no float copy of an output slice.
	 */
	long bytesNeeded() {
		long pixels = (long) outWidth * outHeight;
		int perPixel = float32 ? (rgb() ? 12 : 4) : bitDepth == 24 ? 4 : bitDepth / 8;
		long colours = rgb() ? 3 : 1;
		long inputSlice = (long) region.width * region.height * 4 * colours;
		long zVolumes = alongZ() ? (long) region.width * region.height * (inZ + outZ) * 4 * colours : 0;
		return pixels * slices * perPixel + inputSlice + zVolumes;
	}

	void checkMemory() {
		HeapCheck.require(bytesNeeded(), "the result (" + outWidth + " x " + outHeight + " x " + slices + " planes)",
			"choose a smaller scale or a ROI");
	}
}
