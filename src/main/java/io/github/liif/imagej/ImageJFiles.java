package io.github.liif.imagej;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.liif.app.ImageData;
import io.github.liif.app.ImageFileIO;
import io.github.liif.app.PlaneJob;
import io.github.liif.inference.Monitor;
import io.github.liif.io.AtomicFiles;
import io.github.liif.io.SampleType;
import io.github.liif.io.TiffStreamWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Image files through ImageJ's readers and writers ({@link ImageFiles}), as the application's
 * file port: streamed results go to a TIFF row by row (BigTIFF when over 4 GB) with the pixels,
 * calibration and display range an in-memory result saved as TIFF would have.
 */
public final class ImageJFiles implements ImageFileIO {

	@Override
	public ImagePlusData read(Path file) throws IOException {
		return ImagePlusData.of(ImageFiles.read(file));
	}

	@Override
	public int[] alpha(ImageData image) {
		return ImageFiles.alpha(imp(image));
	}

	@Override
	public ImagePlusResult result(ImageData image) {
		return new ImagePlusResult(imp(image));
	}

	@Override
	public void writeTiff(PlaneJob job, ImageData image, Path file, boolean overwrite, Monitor monitor) throws IOException {
		Calibration cal = ImagePlusData.resultCalibration(imp(image), job.calibration());
		TiffStreamWriter.Layout layout = new TiffStreamWriter.Layout(job.outWidth(), job.outHeight(), job.channels(), SampleType
			.ofBits(job.bits()), cal.scaled() ? 1 / cal.pixelWidth : 0, cal.scaled() ? 1 / cal.pixelHeight : 0);
		String description = description(job, imp(image), cal);
		try {
			AtomicFiles.write(file, overwrite, stream -> {
				TiffStreamWriter writer = new TiffStreamWriter(stream, layout, description, false);
				job.rows(writer::writeRow, monitor);
				writer.finish();
			});
		}
		catch (UncheckedIOException e) {
			throw new IOException("could not write " + file + ": " + e.getCause().getMessage(), e.getCause());
		}
	}

	/** ImageJ's own TIFF description (unit, display range) for the result. */
	private static String description(PlaneJob job, ImagePlus input, Calibration cal) {
		ImageProcessor type = switch (job.plan().outputBitDepth()) {
			case 8 -> new ByteProcessor(1, 1);
			case 16 -> new ShortProcessor(1, 1);
			case 24 -> new ColorProcessor(1, 1);
			default -> new FloatProcessor(1, 1);
		};
		ImagePlus placeholder = new ImagePlus("", type);
		placeholder.setCalibration(cal);
		if (!job.plan().rgb()) placeholder.setDisplayRange(input.getDisplayRangeMin(), input.getDisplayRangeMax());
		return new FileSaver(placeholder).getDescriptionString();
	}

	private static ImagePlus imp(ImageData image) {
		if (image instanceof ImagePlusData data) return data.imp();
		throw new IllegalArgumentException(image.name() + " was not read by ImageJ");
	}
}
