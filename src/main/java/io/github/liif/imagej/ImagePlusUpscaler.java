package io.github.liif.imagej;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import ij.process.LUT;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.Upscaler;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.normalize.Percentiles;
import java.awt.Rectangle;

/**
 * Upscales every plane of an ImagePlus (any type, any C/Z/T) with one model to one size, into a
 * new ImagePlus that keeps the input's type (or 32-bit), dimensions, LUTs, display ranges,
 * composite mode and calibration (pixel size divided by the exact size ratio). The input is
 * only read. An area ROI limits the work to its bounding rectangle.
 */
public final class ImagePlusUpscaler {

	private final Upscaler upscaler;

	public ImagePlusUpscaler(Upscaler upscaler) {
		this.upscaler = upscaler;
	}

	/** Input region: the bounding box of an area ROI, else the whole image. */
	public static Rectangle region(ImagePlus imp) {
		Roi roi = imp.getRoi();
		if (roi != null && roi.isArea()) {
			Rectangle r = roi.getBounds().intersection(new Rectangle(0, 0, imp.getWidth(), imp.getHeight()));
			if (!r.isEmpty()) return r;
		}
		return new Rectangle(0, 0, imp.getWidth(), imp.getHeight());
	}

	/** The image property that says how a result was made. */
	public static final String PROVENANCE = "LIIF";

	public ImagePlus upscale(ImagePlus imp, TargetSize size, boolean float32, Monitor monitor) {
		UpscalePlan plan = UpscalePlan.of(imp, region(imp), size, float32, upscaler.network().spec().inChannels());
		plan.checkMemory();
		IntensityRange[] ranges = intensityRanges(imp, plan.region());
		ImageStack in = imp.getStack();
		ImageStack out = new ImageStack(plan.outWidth(), plan.outHeight());
		long perPlane = (long) plan.outWidth() * plan.outHeight() * plan.passesPerSlice();
		long total = perPlane * in.getSize();
		for (int s = 1; s <= in.getSize(); s++) {
			long before = perPlane * (s - 1);
			monitor.plane(s, in.getSize());
			Monitor sliceMonitor = new Monitor() {

				long passDone;

				@Override
				public void progress(long done, long all) {
					monitor.progress(before + passDone + done, total);
					if (done == all) passDone += all;
				}

				@Override
				public boolean isCancelled() {
					return monitor.isCancelled();
				}
			};
			ImageProcessor ip = in.getProcessor(s);
			ip.setRoi(plan.region());
			ImageProcessor crop = ip.crop();
			int channel = (s - 1) % imp.getNChannels();
			for (ImageProcessor result : upscaleSlice(crop, plan, ranges[channel], sliceMonitor)) {
				out.addSlice(in.getSliceLabel(s), result);
			}
		}
		ImagePlus result = wrap(imp, plan, out, imp.getShortTitle() + "-LIIF-" + size.label(plan.region().width, plan.region().height));
		// provenance, kept by ImageJ in TIFF files
		result.setProp(PROVENANCE, "LIIF " + upscaler.network().spec() + "; consistency " + upscaler.options().consistency().id());
		return result;
	}

	private ImageProcessor[] upscaleSlice(ImageProcessor crop, UpscalePlan plan, IntensityRange range, Monitor m) {
		int w = crop.getWidth();
		int h = crop.getHeight();
		int modelChannels = upscaler.network().spec().inChannels();
		float[][] planes;
		if (plan.rgb()) {
			planes = new float[3][];
			for (int k = 0; k < 3; k++) planes[k] = PlaneCodec.normalise(PlaneCodec.raw(crop, k), range);
		}
		else {
			planes = new float[][] { PlaneCodec.normalise(PlaneCodec.raw(crop, 0), range) };
		}
		float[][] result = new float[planes.length][];
		if (planes.length == modelChannels) {
			PlanarImage up = run(new PlanarImage(h, w, planes), plan, m);
			for (int k = 0; k < planes.length; k++) result[k] = up.plane(k);
		}
		else if (modelChannels == 1) {
			for (int k = 0; k < planes.length; k++) result[k] = run(new PlanarImage(h, w, new float[][] { planes[k] }), plan, m).plane(0);
		}
		else {
			// a gray plane through a colour model: replicate it, average the colours back
			float[][] replicated = new float[modelChannels][];
			java.util.Arrays.fill(replicated, planes[0]);
			PlanarImage up = run(new PlanarImage(h, w, replicated), plan, m);
			float[] mean = new float[up.plane(0).length];
			for (int k = 0; k < modelChannels; k++) {
				float[] p = up.plane(k);
				for (int i = 0; i < mean.length; i++) mean[i] += p[i] / modelChannels;
			}
			result[0] = mean;
		}
		if (plan.rgb() && !plan.float32()) {
			return new ImageProcessor[] { PlaneCodec.encode(24, plan.outWidth(), plan.outHeight(), result, range) };
		}
		ImageProcessor[] slices = new ImageProcessor[result.length];
		for (int k = 0; k < result.length; k++) {
			slices[k] = PlaneCodec.encode(plan.outputBitDepth(), plan.outWidth(), plan.outHeight(), new float[][] { result[k] }, range);
		}
		return slices;
	}

	private PlanarImage run(PlanarImage input, UpscalePlan plan, Monitor m) {
		return upscaler.upscale(input, plan.outHeight(), plan.outWidth(), m);
	}

	/** 8-bit and RGB: divide by 255; 16/32-bit: per-channel percentiles over all planes of that channel. */
	static IntensityRange[] intensityRanges(ImagePlus imp, Rectangle region) {
		int channels = imp.getNChannels();
		IntensityRange[] ranges = new IntensityRange[channels];
		int bitDepth = imp.getBitDepth();
		ImageStack stack = imp.getStack();
		int perChannel = stack.getSize() / channels;
		for (int c = 0; c < channels; c++) {
			if (bitDepth == 8 || bitDepth == 24) {
				ranges[c] = IntensityRange.EIGHT_BIT;
				continue;
			}
			int channel = c;
			ranges[c] = Percentiles.range(perChannel, i -> {
				ImageProcessor ip = stack.getProcessor(1 + channel + i * channels);
				ip.setRoi(region);
				return PlaneCodec.raw(ip.crop(), 0);
			}, Percentiles.LOW, Percentiles.HIGH);
		}
		return ranges;
	}

	/** The input's calibration for the result: pixel size divided by the exact size ratio, origin moved. */
	static Calibration outputCalibration(ImagePlus imp, UpscalePlan plan) {
		Calibration cal = imp.getCalibration().copy();
		cal.pixelWidth *= plan.region().width / (double) plan.outWidth();
		cal.pixelHeight *= plan.region().height / (double) plan.outHeight();
		cal.xOrigin = (cal.xOrigin - plan.region().x) * plan.outWidth() / plan.region().width;
		cal.yOrigin = (cal.yOrigin - plan.region().y) * plan.outHeight() / plan.region().height;
		return cal;
	}

	private static ImagePlus wrap(ImagePlus imp, UpscalePlan plan, ImageStack stack, String title) {
		ImagePlus out = new ImagePlus(title, stack);
		int channels = plan.outputChannels(imp.getNChannels());
		out.setDimensions(channels, imp.getNSlices(), imp.getNFrames());
		if (imp.isHyperStack() || channels > 1) out.setOpenAsHyperStack(true);
		out.setCalibration(outputCalibration(imp, plan));
		if (imp instanceof CompositeImage ci && channels == imp.getNChannels()) {
			CompositeImage result = new CompositeImage(out, ci.getMode());
			LUT[] luts = ci.getLuts();
			for (int c = 0; c < channels; c++) {
				LUT lut = (LUT) luts[c].clone();
				if (plan.float32() && imp.getBitDepth() != 32) {
					lut.min = luts[c].min;
					lut.max = luts[c].max;
				}
				result.setChannelLut(lut, c + 1);
				result.setPosition(c + 1, 1, 1);
				result.setDisplayRange(lut.min, lut.max);
			}
			result.setPosition(1, 1, 1);
			return result;
		}
		if (channels > 1) return new CompositeImage(out, CompositeImage.COMPOSITE);
		if (!plan.rgb()) {
			out.getProcessor().setColorModel(imp.getProcessor().getColorModel());
			out.getStack().setColorModel(imp.getProcessor().getColorModel());
			out.setDisplayRange(imp.getDisplayRangeMin(), imp.getDisplayRangeMax());
		}
		return out;
	}

}
