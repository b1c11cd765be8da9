package io.github.liif.imagej;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;
import ij.process.LUT;
import io.github.liif.app.ImageFileIO;
import io.github.liif.app.ResultLayout;
import io.github.liif.app.UpscalePlan;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An upscale's result as a new ImagePlus that keeps the input's type (or 32-bit), dimensions,
 * slice labels, LUTs, display ranges, composite mode, active channels, position (channel, slice,
 * frame) and calibration (pixel size and origin from the result's layout). Slices are made as their first block arrives.
 */
public final class ImagePlusResult implements ImageFileIO.FileResult {

	/** The image property that says how a result was made. */
	public static final String PROVENANCE = "LIIF";

	private final ImagePlus input;
	private ResultLayout layout;
	private ImageProcessor[] slices;
	private ImagePlus image;

	/** @param input the image upscaled (only read: its metadata goes to the result) */
	public ImagePlusResult(ImagePlus input) {
		this.input = input;
	}

	@Override
	public void begin(ResultLayout resultLayout) {
		layout = resultLayout;
		slices = new ImageProcessor[layout.slices()];
	}

	@Override
	public void write(int slice, int colour, int y0, int x0, int h, int w, float[] samples) {
		UpscalePlan plan = layout.plan();
		if (slices[slice] == null) slices[slice] = PlaneCodec.blank(plan.outputBitDepth(), plan.outWidth(), plan.outHeight());
		PlaneCodec.write(slices[slice], colour, y0, x0, h, w, samples);
	}

	/** The result, once every block was written. */
	public ImagePlus image() {
		if (image == null) {
			UpscalePlan plan = layout.plan();
			ImageStack stack = new ImageStack(plan.outWidth(), plan.outHeight());
			for (int s = 0; s < slices.length; s++) {
				// slices added along Z have no input slice whose label they could carry
				stack.addSlice(plan.alongZ() ? null : input.getStack().getSliceLabel(s / plan.slicesPerPlane() + 1), slices[s]);
			}
			image = wrap(stack, input.getShortTitle() + "-LIIF-" + layout.label());
			image.setProp(PROVENANCE, layout.provenance());
		}
		return image;
	}

	@Override
	public void write(Path file, boolean overwrite) throws IOException {
		ImageFiles.write(image(), file, overwrite);
	}

	@Override
	public void writeWithAlpha(int[] alpha, Path file, boolean overwrite) throws IOException {
		ImageFiles.writeWithAlpha(image(), alpha, file, overwrite);
	}

	private ImagePlus wrap(ImageStack stack, String title) {
		UpscalePlan plan = layout.plan();
		ImagePlus out = new ImagePlus(title, stack);
		int channels = layout.channels();
		out.setDimensions(channels, plan.outZ(), layout.frames());
		if (input.isHyperStack() || channels > 1) out.setOpenAsHyperStack(true);
		out.setCalibration(ImagePlusData.resultCalibration(input, layout.calibration()));
		if (input instanceof CompositeImage ci && channels == input.getNChannels()) {
			CompositeImage result = new CompositeImage(out, ci.getMode());
			LUT[] luts = ci.getLuts();
			for (int c = 0; c < channels; c++) {
				LUT lut = (LUT) luts[c].clone();
				if (plan.float32() && input.getBitDepth() != 32) {
					lut.min = luts[c].min;
					lut.max = luts[c].max;
				}
				result.setChannelLut(lut, c + 1);
				result.setPosition(c + 1, 1, 1);
				result.setDisplayRange(lut.min, lut.max);
			}
			// hidden channels stay hidden and the view stays where it was, as Image › Scale keeps them
			StringBuilder active = new StringBuilder();
			for (int c = 0; c < channels; c++) active.append(ci.getActiveChannels()[c] ? '1' : '0');
			result.setActiveChannels(active.toString());
			showPosition(result);
			return result;
		}
		if (channels > 1) {
			CompositeImage result = new CompositeImage(out, CompositeImage.COMPOSITE);
			showPosition(result);
			return result;
		}
		showPosition(out);
		if (!plan.rgb()) {
			out.getProcessor().setColorModel(input.getProcessor().getColorModel());
			out.getStack().setColorModel(input.getProcessor().getColorModel());
			out.setDisplayRange(input.getDisplayRangeMin(), input.getDisplayRangeMax());
		}
		return out;
	}

	/** The input's channel, slice and frame; a slice of a stack given more slices along Z maps to the one at its centre. */
	private void showPosition(ImagePlus result) {
		UpscalePlan plan = layout.plan();
		int z = Math.min(plan.outZ(), (int) ((input.getZ() - 0.5) * plan.outZ() / plan.inZ()) + 1);
		result.setPosition(Math.min(input.getC(), result.getNChannels()), z, input.getT());
	}
}
