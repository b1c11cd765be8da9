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
import io.github.liif.inference.Monitor;
import io.github.liif.inference.OutputRegion;
import io.github.liif.inference.RowAssembler;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.Upscaler;
import io.github.liif.io.AtomicFiles;
import io.github.liif.io.TiffStreamWriter;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.normalize.SampleEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Upscales a one-plane image (gray, or RGB through a colour model) straight into a TIFF file,
 * row by row, so the result never has to fit in memory; results over 4 GB become BigTIFF.
 * Pixels, calibration and display range equal those of {@link ImagePlusUpscaler} saved as TIFF.
 */
public final class StreamedTiffUpscale {

	private final Upscaler upscaler;

	public StreamedTiffUpscale(Upscaler upscaler) {
		this.upscaler = upscaler;
	}

	/** Whether the image can be streamed: one plane whose channels are the model's (RGB results in 8 bits). */
	public boolean supports(ImagePlus imp, boolean float32) {
		boolean rgb = imp.getBitDepth() == 24;
		int channels = rgb ? 3 : 1;
		return imp.getStackSize() == 1 && imp.getType() != ImagePlus.COLOR_256
			&& channels == upscaler.network().spec().inChannels() && !(rgb && float32);
	}

	/** Upscales into {@code file} (.tif), atomically: on failure or cancel no file is left. */
	public void upscale(ImagePlus imp, TargetSize size, boolean float32, Path file, boolean overwrite, Monitor monitor)
		throws IOException
	{
		if (!supports(imp, float32)) throw new IllegalArgumentException("'" + imp.getTitle() + "' cannot be streamed");
		UpscalePlan plan = UpscalePlan.of(imp, ImagePlusUpscaler.region(imp), size, float32, upscaler.network().spec().inChannels());
		IntensityRange range = ImagePlusUpscaler.intensityRanges(imp, plan.region())[0];
		ImageProcessor ip = imp.getProcessor();
		ip.setRoi(plan.region());
		ImageProcessor crop = ip.crop();
		int channels = plan.rgb() ? 3 : 1;
		float[][] planes = new float[channels][];
		for (int k = 0; k < channels; k++) planes[k] = PlaneCodec.normalise(PlaneCodec.raw(crop, k), range);
		PlanarImage input = new PlanarImage(crop.getHeight(), crop.getWidth(), planes);
		int bits = plan.rgb() ? 8 : plan.outputBitDepth();
		Calibration cal = ImagePlusUpscaler.outputCalibration(imp, plan);
		TiffStreamWriter.Layout layout = new TiffStreamWriter.Layout(plan.outWidth(), plan.outHeight(), channels,
			TiffStreamWriter.SampleType.ofBits(bits), cal.scaled() ? 1 / cal.pixelWidth : 0, cal.scaled() ? 1 / cal.pixelHeight : 0);
		String description = description(imp, plan, cal);
		try {
			AtomicFiles.write(file, overwrite, stream -> {
				TiffStreamWriter writer = new TiffStreamWriter(stream, layout, description, false);
				float[] samples = new float[plan.outWidth() * channels];
				OutputRegion whole = OutputRegion.whole(plan.outHeight(), plan.outWidth());
				upscaler.upscale(input, plan.outHeight(), plan.outWidth(), new RowAssembler(whole, channels, (y, values) -> {
					for (int i = 0; i < samples.length; i++) samples[i] = (float) SampleEncoding.encode(values[i], range, bits);
					try {
						writer.writeRow(samples);
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}), monitor);
				writer.finish();
			});
		}
		catch (UncheckedIOException e) {
			throw new IOException("could not write " + file + ": " + e.getCause().getMessage(), e.getCause());
		}
	}

	/** ImageJ's own description (unit, display range) of a result of this type and calibration. */
	private static String description(ImagePlus imp, UpscalePlan plan, Calibration cal) {
		ImageProcessor type = switch (plan.rgb() ? 24 : plan.outputBitDepth()) {
			case 8 -> new ByteProcessor(1, 1);
			case 16 -> new ShortProcessor(1, 1);
			case 24 -> new ColorProcessor(1, 1);
			default -> new FloatProcessor(1, 1);
		};
		ImagePlus placeholder = new ImagePlus("", type);
		placeholder.setCalibration(cal);
		if (!plan.rgb()) placeholder.setDisplayRange(imp.getDisplayRangeMin(), imp.getDisplayRangeMax());
		return new FileSaver(placeholder).getDescriptionString();
	}
}
