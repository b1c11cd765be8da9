package io.github.liif.app;

import io.github.liif.image.PlanarImage;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.OutputRegion;
import io.github.liif.inference.RowAssembler;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.Upscaler;
import io.github.liif.inference.ZScale;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.normalize.SampleEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The upscale of a one-plane image (gray, or RGB through a colour model) whose result is written
 * piece by piece, rather than held whole: row by row into a streamed file, or region by region
 * into the chunks of an OME-Zarr on many machines. Preparing the same image twice gives the same
 * input and encoding, so pieces made on different machines fit together; the values equal those
 * of {@link StackUpscale}.
 */
public final class PlaneJob {

	/** Receives the result's rows top to bottom: width x channels stored samples, pixel-interleaved. */
	@FunctionalInterface
	public interface RowWriter {
		void write(float[] samples) throws IOException;
	}

	private final ImageData image;
	private final UpscalePlan plan;
	private final IntensityRange range;
	private final Upscaler upscaler;
	/** Made on first use: a Spark driver only needs the layout, its executors the pixels. */
	private PlanarImage input;

	private PlaneJob(ImageData image, UpscalePlan plan, IntensityRange range, Upscaler upscaler) {
		this.image = image;
		this.plan = plan;
		this.range = range;
		this.upscaler = upscaler;
	}

	/** Whether the image is one plane whose colours are the model's (RGB results only in 8 bits). */
	public static boolean supports(ImageData image, boolean float32, int modelChannels) {
		return image.planes() == 1 && !image.palette() && image.colours() == modelChannels && !(image.rgb() && float32);
	}

	public static PlaneJob prepare(Upscaler upscaler, ImageData image, TargetSize size, boolean float32) {
		int modelChannels = upscaler.network().spec().inChannels();
		if (!supports(image, float32, modelChannels)) {
			throw new IllegalArgumentException("'" + image.name() + "' is not one plane of the model's " + modelChannels
				+ " channel(s) (or is RGB asked for as 32-bit); upscale it in memory instead");
		}
		UpscalePlan plan = UpscalePlan.of(image, size, ZScale.NONE, float32, modelChannels);
		return new PlaneJob(image, plan, IntensityMapping.ranges(image)[0], upscaler);
	}

	/** The network input, in [0, 1] space. */
	private synchronized PlanarImage input() {
		if (input == null)
			input = new PlanarImage(plan.inHeight(), plan.inWidth(), IntensityMapping.unitPlane(image, 0, 0, 0, range));
		return input;
	}

	public UpscalePlan plan() {
		return plan;
	}

	public int outWidth() {
		return plan.outWidth();
	}

	public int outHeight() {
		return plan.outHeight();
	}

	/** Samples per pixel of the result: 3 for RGB, else 1. */
	public int channels() {
		return plan.colours();
	}

	/** Bits per stored sample: 8, 16 or 32 (float). */
	public int bits() {
		return plan.sampleBits();
	}

	/** The result's calibration. */
	public PixelCalibration calibration() {
		return image.calibration().forResult(plan, image.x0(), image.y0());
	}

	/** The consistency step as the model resolved it ("auto" is never left). */
	public String consistency() {
		return upscaler.options().consistency().id();
	}

	/**
	 * The whole result, row by row.
	 *
	 * @throws UncheckedIOException holding what {@code out} threw
	 */
	public void rows(RowWriter out, Monitor monitor) {
		float[] samples = new float[outWidth() * channels()];
		OutputRegion whole = OutputRegion.whole(outHeight(), outWidth());
		upscaler.upscale(input(), outHeight(), outWidth(), new RowAssembler(whole, channels(), (y, values) -> {
			for (int i = 0; i < samples.length; i++) samples[i] = encode(values[i]);
			try {
				out.write(samples);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}), monitor);
	}

	/** One region of the result: its stored samples, pixel-interleaved, row after row. */
	public float[] region(OutputRegion region, Monitor monitor) {
		int c = channels();
		float[] samples = new float[(int) region.pixels() * c];
		upscaler.upscale(input(), outHeight(), outWidth(), region, (by, bx, h, w, values) -> {
			for (int y = 0; y < h; y++) {
				int dst = ((by - region.y0() + y) * region.width() + bx - region.x0()) * c;
				for (int i = 0; i < w * c; i++) samples[dst + i] = encode(values[y * w * c + i]);
			}
		}, monitor);
		return samples;
	}

	private float encode(float unit) {
		return (float) SampleEncoding.encode(unit, range, bits());
	}
}
