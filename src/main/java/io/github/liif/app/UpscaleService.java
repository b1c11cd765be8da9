package io.github.liif.app;

import io.github.liif.catalogue.ModelCache;
import io.github.liif.image.Bicubic;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.ModelFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The upscale use case, the same for every front end: the request's model resolved for the
 * image's kind ("default": natural for RGB, microscopy otherwise; loaded once per model and
 * device; "auto" consistency from the model's training recipe), then the image upscaled in
 * memory into a {@link ResultSink}, or piece by piece as a {@link PlaneJob}, or file to file
 * (streamed when it can be, in memory otherwise).
 */
public final class UpscaleService {

	private UpscaleService() {}

	/** Upscales into {@code sink}; the image is only read. */
	public static void upscale(UpscaleRequest request, ImageData image, ResultSink sink, Monitor monitor)
		throws ModelFormatException
	{
		new StackUpscale(upscaler(request, image), request.zPlanes()).upscale(image, request.size(), request.z(), request
			.float32(), sink, monitor);
	}

	/**
	 * Where the model invented, into {@code sink}: per result pixel and channel the spread of its
	 * predictions on the flips and rotations of the input (see {@link StackUpscale#uncertainty}).
	 */
	public static void uncertainty(UpscaleRequest request, ImageData image, ResultSink sink, Monitor monitor)
		throws ModelFormatException
	{
		if (!request.z().isNone())
			throw new IllegalArgumentException("the uncertainty is made in XY only: upscale along Z without it");
		new StackUpscale(upscaler(request, image), request.zPlanes()).uncertainty(image, request.size(), sink, monitor);
	}

	/** Whether the image can be upscaled piece by piece ({@link #planeJob}): one plane of the model's colours. */
	public static boolean streams(UpscaleRequest request, ImageData image) throws ModelFormatException {
		return request.z().isNone() && PlaneJob.supports(image, request.float32(), upscaler(request, image).network().spec()
			.inChannels());
	}

	/** The upscale of a one-plane image, to be written piece by piece; refused for others (see {@link #streams}). */
	public static PlaneJob planeJob(UpscaleRequest request, ImageData image) throws ModelFormatException {
		return PlaneJob.prepare(upscaler(request, image), image, request.size(), request.float32());
	}

	/**
	 * Upscales an image file into another: one-plane images into TIFF are streamed (bounded memory,
	 * BigTIFF when large), everything else is held in memory; transparency goes around the model.
	 */
	public static void upscaleFile(UpscaleRequest request, Path input, Path output, boolean overwrite, ImageFileIO files,
		Monitor monitor) throws IOException, ModelFormatException
	{
		checkOutput(request, output);
		upscaleImage(request, files.read(input), input, output, overwrite, files, monitor);
	}

	/**
	 * {@link #upscaleFile}, and beside the result {@link #uncertainty} as a 32-bit TIFF; the file is
	 * read once, and the two are published together: no uncertainty is left without its result.
	 *
	 * @param spreadMonitor the uncertainty's progress (it comes first)
	 * @param monitor the result's progress, made when the result's work begins (a monitor that shows
	 *          the time taken counts from there)
	 */
	public static void upscaleFile(UpscaleRequest request, Path input, Path output, Path uncertainty, boolean overwrite,
		ImageFileIO files, Monitor spreadMonitor, Supplier<Monitor> monitor) throws IOException, ModelFormatException
	{
		checkOutput(request, output);
		if (!isTiff(uncertainty)) {
			throw new IllegalArgumentException("the uncertainty is 32-bit: give a .tif file, not " + uncertainty.getFileName());
		}
		ImageData image = files.read(input);
		ImageFileIO.FileResult spread = files.result(image);
		uncertainty(request, image, spread, spreadMonitor);
		spread.write(uncertainty, overwrite);
		try {
			upscaleImage(request, image, input, output, overwrite, files, monitor.get());
		}
		catch (Exception | Error e) {
			Files.deleteIfExists(uncertainty);
			throw e;
		}
	}

	private static void upscaleImage(UpscaleRequest request, ImageData image, Path input, Path output, boolean overwrite,
		ImageFileIO files, Monitor monitor) throws IOException, ModelFormatException
	{
		int[] alpha = files.alpha(image);
		if (alpha != null && request.float32())
			throw new IllegalArgumentException(input.getFileName() + " has transparency, kept as 8-bit RGBA: drop --float");
		if (alpha == null && isTiff(output) && streams(request, image)) {
			files.writeTiff(planeJob(request, image), image, output, overwrite, monitor);
			return;
		}
		ImageFileIO.FileResult result = files.result(image);
		upscale(request, image, result, monitor);
		if (alpha == null) {
			result.write(output, overwrite);
			return;
		}
		// transparency: the colours went through the model, the alpha channel goes by PIL's bicubic (it holds masks, not texture)
		int[] out = request.size().plane(image.width(), image.height(), "");
		result.writeWithAlpha(Bicubic.resize8(alpha, image.height(), image.width(), out[1], out[0]), output, overwrite);
	}

	/** Refuses an output file the request's result cannot be written to: 32-bit results need TIFF. */
	public static void checkOutput(UpscaleRequest request, Path output) {
		if (request.float32() && !isTiff(output))
			throw new IllegalArgumentException("32-bit results need a .tif output, not " + output.getFileName());
	}

	private static boolean isTiff(Path file) {
		String name = file.getFileName().toString();
		return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).startsWith("tif");
	}

	/** The model for this image, with its consistency step resolved. */
	private static Upscaler upscaler(UpscaleRequest request, ImageData image) throws ModelFormatException {
		return ModelCache.upscaler(request.model(), image.rgb(), request.device(), request.options());
	}
}
