package io.github.liif.imagej;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.TargetSize;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.normalize.SampleEncoding;

/**
 * A one-plane image (gray, or RGB through a colour model) prepared for an upscale whose result
 * is written piece by piece (a streamed TIFF, chunks of an OME-Zarr on many machines) rather
 * than held as an ImagePlus. Preparing the same image twice gives the same input and encoding,
 * so pieces made on different machines fit together; values equal {@link ImagePlusUpscaler}'s.
 */
public final class PlaneUpscale {

	private final ImagePlus imp;
	private final UpscalePlan plan;
	private final IntensityRange range;
	/** Made on first use: a Spark driver only needs the layout, its executors the pixels. */
	private PlanarImage input;

	private PlaneUpscale(ImagePlus imp, UpscalePlan plan, IntensityRange range) {
		this.imp = imp;
		this.plan = plan;
		this.range = range;
	}

	/** Whether the image is one plane whose channels are the model's (RGB results only in 8 bits). */
	public static boolean supports(ImagePlus imp, boolean float32, int modelChannels) {
		boolean rgb = ImageJUpscale.isRgb(imp);
		return imp.getStackSize() == 1 && imp.getType() != ImagePlus.COLOR_256 && (rgb ? 3 : 1) == modelChannels && !(rgb
			&& float32);
	}

	public static PlaneUpscale prepare(ImagePlus imp, TargetSize size, boolean float32, int modelChannels) {
		if (!supports(imp, float32, modelChannels)) {
			throw new IllegalArgumentException("'" + imp.getTitle() + "' is not one plane of the model's " + modelChannels
				+ " channel(s) (or is RGB asked for as 32-bit); upscale it in memory instead");
		}
		UpscalePlan plan = UpscalePlan.of(imp, ImagePlusUpscaler.region(imp), size, float32, modelChannels);
		return new PlaneUpscale(imp, plan, ImagePlusUpscaler.intensityRanges(imp, plan.region())[0]);
	}

	/** The network input, in [0, 1] space. */
	public synchronized PlanarImage input() {
		if (input == null) {
			ImageProcessor ip = imp.getProcessor();
			ip.setRoi(plan.region());
			ImageProcessor crop = ip.crop();
			float[][] planes = new float[plan.rgb() ? 3 : 1][];
			for (int k = 0; k < planes.length; k++) planes[k] = PlaneCodec.normalise(PlaneCodec.raw(crop, k), range);
			input = new PlanarImage(crop.getHeight(), crop.getWidth(), planes);
		}
		return input;
	}

	public int outWidth() {
		return plan.outWidth();
	}

	public int outHeight() {
		return plan.outHeight();
	}

	/** Samples per pixel of the result: 3 for RGB, else 1. */
	public int channels() {
		return plan.rgb() ? 3 : 1;
	}

	/** Bits per stored sample: 8, 16 or 32 (float). */
	public int bits() {
		return plan.rgb() ? 8 : plan.outputBitDepth();
	}

	/** A network output value as the stored sample. */
	public float encode(float unit) {
		return (float) SampleEncoding.encode(unit, range, bits());
	}

	public Calibration calibration() {
		return ImagePlusUpscaler.outputCalibration(imp, plan);
	}

	/** ImageJ's own TIFF description (unit, display range) for the result. */
	public String imageJDescription() {
		ImageProcessor type = switch (plan.rgb() ? 24 : plan.outputBitDepth()) {
			case 8 -> new ByteProcessor(1, 1);
			case 16 -> new ShortProcessor(1, 1);
			case 24 -> new ColorProcessor(1, 1);
			default -> new FloatProcessor(1, 1);
		};
		ImagePlus placeholder = new ImagePlus("", type);
		placeholder.setCalibration(calibration());
		if (!plan.rgb()) placeholder.setDisplayRange(imp.getDisplayRangeMin(), imp.getDisplayRangeMax());
		return new FileSaver(placeholder).getDescriptionString();
	}
}
