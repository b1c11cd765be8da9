package io.github.liif.imagej;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import ij.process.LUT;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.ChannelPolicy;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.ProgressChain;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.Upscaler;
import io.github.liif.inference.ZScale;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.normalize.Percentiles;
import java.awt.Rectangle;
import java.util.Arrays;

/**
 * Upscales every plane of an ImagePlus (any type, any C/Z/T) with one model to one size, into a
 * new ImagePlus that keeps the input's type (or 32-bit), dimensions, LUTs, display ranges,
 * composite mode and calibration (pixel size divided by the exact size ratio; voxel depth too
 * when slices are added along Z). The input is only read. An area ROI limits the work to its
 * bounding rectangle in every slice.
 */
public final class ImagePlusUpscaler {

	private final Upscaler upscaler;
	private final AxialUpscaler.Planes zPlanes;

	public ImagePlusUpscaler(Upscaler upscaler) {
		this(upscaler, AxialUpscaler.Planes.BOTH);
	}

	/** @param zPlanes which planes a Z scale runs on */
	public ImagePlusUpscaler(Upscaler upscaler, AxialUpscaler.Planes zPlanes) {
		this.upscaler = upscaler;
		this.zPlanes = zPlanes;
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
		return upscale(imp, size, ZScale.NONE, float32, monitor);
	}

	/**
	 * Upscales along Z first (when {@code z} asks for it: the model on XZ and YZ planes, see
	 * {@link AxialUpscaler}), then every resulting slice in XY; in network space throughout, so
	 * intensities are quantised once.
	 */
	public ImagePlus upscale(ImagePlus imp, TargetSize size, ZScale z, boolean float32, Monitor monitor) {
		UpscalePlan plan = UpscalePlan.of(imp, region(imp), size, z, float32, upscaler.network().spec().inChannels());
		plan.checkMemory();
		IntensityRange[] ranges = intensityRanges(imp, plan.region());
		ImageStack out = plan.alongZ() ? alongZ(imp, plan, ranges, monitor) : slices(imp, plan, ranges, monitor);
		String label = size.label(plan.region().width, plan.region().height) + (plan.alongZ() ? "x" + z.id() + "z" : "");
		ImagePlus result = wrap(imp, plan, out, imp.getShortTitle() + "-LIIF-" + label);
		// provenance, kept by ImageJ in TIFF files
		result.setProp(PROVENANCE, "LIIF " + upscaler.network().spec() + "; consistency " + upscaler.options().consistency().id()
			+ (plan.alongZ() ? "; along Z " + imp.getNSlices() + " -> " + plan.outZ() + " slices (" + zPlanes.id() + " planes)"
				: ""));
		return result;
	}

	/** Every plane in XY, one after another. */
	private ImageStack slices(ImagePlus imp, UpscalePlan plan, IntensityRange[] ranges, Monitor monitor) {
		ImageStack in = imp.getStack();
		ImageStack out = new ImageStack(plan.outWidth(), plan.outHeight());
		long perPlane = (long) plan.outWidth() * plan.outHeight() * plan.passesPerSlice();
		for (int s = 1; s <= in.getSize(); s++) {
			monitor.plane(s, in.getSize());
			Monitor sliceMonitor = new ProgressChain(monitor, perPlane * (s - 1), perPlane * in.getSize());
			int channel = (s - 1) % imp.getNChannels();
			float[][] planes = normalised(in.getProcessor(s), plan, ranges[channel]);
			for (ImageProcessor result : outputSlices(planes, plan, ranges[channel], sliceMonitor))
				out.addSlice(in.getSliceLabel(s), result);
		}
		return out;
	}

	/** Per channel and frame: the volume along Z, then each new slice in XY. */
	private ImageStack alongZ(ImagePlus imp, UpscalePlan plan, IntensityRange[] ranges, Monitor monitor) {
		int nc = imp.getNChannels();
		int nz = plan.inZ();
		int nt = imp.getNFrames();
		int outZ = plan.outZ();
		int w = plan.region().width;
		int h = plan.region().height;
		int colours = plan.rgb() ? 3 : 1;
		AxialUpscaler axial = new AxialUpscaler(upscaler, zPlanes);
		long zWork = axial.work(colours, h, w, outZ);
		long xyWork = plan.alongXY() ? (long) plan.outWidth() * plan.outHeight() * plan.passesPerSlice() * outZ : 0;
		long total = (zWork + xyWork) * nc * nt;
		ImageProcessor[][] results = new ImageProcessor[nc * outZ * nt][];
		int volumes = 0;
		for (int t = 0; t < nt; t++) {
			for (int c = 0; c < nc; c++) {
				monitor.plane(volumes + 1, nc * nt);
				Monitor volumeMonitor = new ProgressChain(monitor, (zWork + xyWork) * volumes++, total);
				float[][] upZ = axial.upscale(volume(imp, plan, c, t, ranges[c]), nz, h, w, outZ, volumeMonitor);
				for (int z = 0; z < outZ; z++) {
					results[(t * outZ + z) * nc + c] = outputSlices(section(upZ, z, w * h), plan, ranges[c], volumeMonitor);
				}
			}
		}
		ImageStack out = new ImageStack(plan.outWidth(), plan.outHeight());
		for (ImageProcessor[] slice : results) for (ImageProcessor ip : slice) out.addSlice(null, ip);
		return out;
	}

	/** Channel c at frame t of the region, in network space: its slices packed one after another, per colour. */
	static float[][] volume(ImagePlus imp, UpscalePlan plan, int c, int t, IntensityRange range) {
		int pixels = plan.region().width * plan.region().height;
		int nz = imp.getNSlices();
		float[][] packed = new float[plan.rgb() ? 3 : 1][nz * pixels];
		for (int z = 0; z < nz; z++) {
			float[][] planes = normalised(imp.getStack().getProcessor(imp.getStackIndex(c + 1, z + 1, t + 1)), plan, range);
			for (int k = 0; k < packed.length; k++) System.arraycopy(planes[k], 0, packed[k], z * pixels, pixels);
		}
		return packed;
	}

	/** Slice z of packed volumes: one copy per channel. */
	private static float[][] section(float[][] packed, int z, int pixels) {
		float[][] out = new float[packed.length][];
		for (int k = 0; k < packed.length; k++) out[k] = Arrays.copyOfRange(packed[k], z * pixels, (z + 1) * pixels);
		return out;
	}

	/** The region of one plane in network space: three planes for RGB, else one. */
	private static float[][] normalised(ImageProcessor ip, UpscalePlan plan, IntensityRange range) {
		ip.setRoi(plan.region());
		ImageProcessor crop = ip.crop();
		float[][] planes = new float[plan.rgb() ? 3 : 1][];
		for (int k = 0; k < planes.length; k++) planes[k] = PlaneCodec.normalise(PlaneCodec.raw(crop, k), range);
		return planes;
	}

	/**
	 * The output slices of one plane (one RGB slice, or one slice per channel), its channels
	 * through the model in XY, or as they are when only Z changes. The network's blocks are
	 * encoded straight into the slices: no float copy of the result is held.
	 */
	private ImageProcessor[] outputSlices(float[][] planes, UpscalePlan plan, IntensityRange range, Monitor m) {
		boolean packed = plan.rgb() && !plan.float32();
		ImageProcessor[] slices = new ImageProcessor[packed ? 1 : planes.length];
		for (int k = 0; k < slices.length; k++)
			slices[k] = PlaneCodec.blank(packed ? 24 : plan.outputBitDepth(), plan.outWidth(), plan.outHeight());
		ChannelPolicy.ChannelSink sink = (c, y0, x0, h, w, values) -> PlaneCodec.write(slices[packed ? 0 : c], packed ? c : 0, y0,
			x0, h, w, values, range);
		int h = plan.region().height;
		int w = plan.region().width;
		if (!plan.alongXY()) {
			for (int c = 0; c < planes.length; c++) sink.accept(c, 0, 0, h, w, planes[c]);
			return slices;
		}
		ChannelPolicy.throughModel(planes, upscaler.network().spec().inChannels(), (v, tiles) -> upscaler.upscale(new PlanarImage(
			h, w, v), plan.outHeight(), plan.outWidth(), tiles, m), sink);
		return slices;
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
		cal.pixelDepth *= plan.inZ() / (double) plan.outZ();
		cal.zOrigin = cal.zOrigin * plan.outZ() / plan.inZ();
		return cal;
	}

	private static ImagePlus wrap(ImagePlus imp, UpscalePlan plan, ImageStack stack, String title) {
		ImagePlus out = new ImagePlus(title, stack);
		int channels = plan.outputChannels(imp.getNChannels());
		out.setDimensions(channels, plan.outZ(), imp.getNFrames());
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
