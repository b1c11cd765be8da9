package io.github.liif.app;

import io.github.liif.inference.TargetSize;
import io.github.liif.inference.ZScale;

/**
 * The sizes and types of one upscale, decided and checked before any work: a plane over 2^31
 * pixels or a result larger than the free memory is refused with the numbers. With a Z scale,
 * {@code inZ} slices become {@code outZ}.
 *
 * @param inWidth width of the region read
 * @param inHeight height of the region read
 * @param slices planes of the result before RGB is split into colours (channels x outZ x frames)
 * @param bitDepth the input's: 8, 16, 24 (RGB) or 32
 */
public record UpscalePlan(int inWidth, int inHeight, int outWidth, int outHeight, int slices, int bitDepth, boolean float32,
	int modelChannels, int inZ, int outZ)
{

	/** What makes a result smaller, in every front end (a ROI only exists in ImageJ). */
	private static final String SMALLER = "choose a smaller scale (in ImageJ also: a ROI)";

	public static UpscalePlan of(ImageData image, TargetSize size, ZScale z, boolean float32, int modelChannels) {
		if (image.palette()) {
			throw new IllegalArgumentException("'" + image.name() + "' is an 8-bit colour (palette) image; convert it "
				+ "with Image > Type > RGB Color first");
		}
		int[] out = size.plane(image.width(), image.height(), SMALLER);
		int w = out[0];
		int h = out[1];
		int nz = image.slices();
		int outZ = nz;
		if (!z.isNone()) {
			if (nz < 2) {
				throw new IllegalArgumentException("scale_z needs a Z-stack, but '" + image.name() + "' has " + nz + " slice"
					+ (image.planes() > 1 ? " (its " + image.planes() + " planes are channels or frames; if they are slices, "
						+ "fix that with Image > Properties...)" : ""));
			}
			PixelCalibration cal = image.calibration();
			outZ = z.slices(nz, cal.pixelDepth(), cal.pixelWidth() * image.width() / (double) w, cal.scaled());
			if ((long) image.width() * image.height() * outZ > Integer.MAX_VALUE - 8) {
				throw new IllegalArgumentException("along Z the volume would be " + image.width() + " x " + image.height() + " x "
					+ outZ + " voxels, more than one channel of one volume may hold (2^31): choose a ROI or a smaller scale_z");
			}
		}
		long outPlanes = (long) image.channels() * outZ * image.frames();
		return new UpscalePlan(image.width(), image.height(), w, h, (int) outPlanes, image.bitDepth(), float32, modelChannels, nz,
			outZ);
	}

	/** Whether slices are added along Z. */
	public boolean alongZ() {
		return outZ != inZ;
	}

	/** Whether the planes change size (with a Z scale, XY factors of 1 leave them as they are). */
	public boolean alongXY() {
		return !alongZ() || outWidth != inWidth || outHeight != inHeight;
	}

	public boolean rgb() {
		return bitDepth == ImageData.RGB;
	}

	/** Colours per input plane: 3 for RGB, else 1. */
	int colours() {
		return rgb() ? 3 : 1;
	}

	/** Whether an RGB result keeps its colours packed in one slice (else each colour is a 32-bit slice). */
	public boolean packedRgb() {
		return rgb() && !float32;
	}

	/** Bit depth of each output slice: the input's (24 for packed RGB), or 32. */
	public int outputBitDepth() {
		return float32 ? 32 : bitDepth;
	}

	/** Bits of each stored sample of the result: 8, 16 or 32 (packed RGB: 8 per colour). */
	public int sampleBits() {
		return packedRgb() ? 8 : outputBitDepth();
	}

	int passesPerSlice() {
		return rgb() && modelChannels == 1 ? 3 : 1;
	}

	/** Output slices per input plane: three for RGB as 32-bit, else one. */
	public int slicesPerPlane() {
		return rgb() && float32 ? 3 : 1;
	}

	/** Channels of the result: RGB as 32-bit becomes three channels. */
	public int outputChannels(int inputChannels) {
		return slicesPerPlane() * inputChannels;
	}

	/**
	 * The result's pixels, the input slice in network space, and along Z the volumes in and out;
	 * the network writes its blocks straight into the result, so no float copy of an output slice.
	 */
	long bytesNeeded() {
		long pixels = (long) outWidth * outHeight;
		int perPixel = float32 ? (rgb() ? 12 : 4) : rgb() ? 4 : bitDepth / 8;
		long colours = colours();
		long inputSlice = (long) inWidth * inHeight * 4 * colours;
		long zVolumes = alongZ() ? (long) inWidth * inHeight * (inZ + outZ) * 4 * colours : 0;
		return pixels * slices * perPixel + inputSlice + zVolumes;
	}

	void checkMemory() {
		HeapCheck.require(bytesNeeded(), "the result (" + outWidth + " x " + outHeight + " x " + slices + " planes)", SMALLER);
	}
}
