package io.github.liif.imagej;

import ij.ImagePlus;
import ij.measure.Calibration;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.OutputRegion;
import io.github.liif.inference.RowAssembler;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.Upscaler;
import io.github.liif.io.AtomicFiles;
import io.github.liif.io.SampleType;
import io.github.liif.io.TiffStreamWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Upscales a one-plane image straight into a TIFF file, row by row, so the result never has to
 * fit in memory; results over 4 GB become BigTIFF. Pixels, calibration and display range equal
 * those of {@link ImagePlusUpscaler} saved as TIFF.
 */
public final class StreamedTiffUpscale {

	private final Upscaler upscaler;

	public StreamedTiffUpscale(Upscaler upscaler) {
		this.upscaler = upscaler;
	}

	public boolean supports(ImagePlus imp, boolean float32) {
		return PlaneUpscale.supports(imp, float32, upscaler.network().spec().inChannels());
	}

	/** Upscales into {@code file} (.tif), atomically: on failure or cancel no file is left. */
	public void upscale(ImagePlus imp, TargetSize size, boolean float32, Path file, boolean overwrite, Monitor monitor)
		throws IOException
	{
		PlaneUpscale job = PlaneUpscale.prepare(imp, size, float32, upscaler.network().spec().inChannels());
		Calibration cal = job.calibration();
		TiffStreamWriter.Layout layout = new TiffStreamWriter.Layout(job.outWidth(), job.outHeight(), job.channels(), SampleType
			.ofBits(job.bits()), cal.scaled() ? 1 / cal.pixelWidth : 0, cal.scaled() ? 1 / cal.pixelHeight : 0);
		String description = job.imageJDescription();
		try {
			AtomicFiles.write(file, overwrite, stream -> {
				TiffStreamWriter writer = new TiffStreamWriter(stream, layout, description, false);
				float[] samples = new float[job.outWidth() * job.channels()];
				OutputRegion whole = OutputRegion.whole(job.outHeight(), job.outWidth());
				upscaler.upscale(job.input(), job.outHeight(), job.outWidth(), new RowAssembler(whole, job.channels(), (y,
					values) -> {
					for (int i = 0; i < samples.length; i++) samples[i] = job.encode(values[i]);
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
}
