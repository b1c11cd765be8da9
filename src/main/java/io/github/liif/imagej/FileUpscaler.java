package io.github.liif.imagej;

import ij.ImagePlus;
import io.github.liif.image.Bicubic;
import io.github.liif.runtime.DeviceChoice;
import io.github.liif.catalogue.ModelCache;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.inference.ZScale;
import io.github.liif.model.ModelFormatException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Upscales an image file into another, the same way for the command line and the Spark job:
 * one-plane images into TIFF are streamed (bounded memory, BigTIFF when large), everything
 * else goes through an ImagePlus in memory. Outputs are written atomically.
 */
public final class FileUpscaler {

	private final String model;
	private final DeviceChoice device;
	private final UpscaleOptions options;

	/** @param model "default" (chosen per image), a bundled name or a model file */
	public FileUpscaler(String model, DeviceChoice device, UpscaleOptions options) {
		this.model = model;
		this.device = device;
		this.options = options;
	}

	public void upscale(Path input, Path output, TargetSize size, boolean float32, boolean overwrite, Monitor monitor)
		throws IOException, ModelFormatException
	{
		upscale(input, output, size, ZScale.NONE, AxialUpscaler.Planes.BOTH, float32, overwrite, monitor);
	}

	/** With a Z scale (Z-stacks only; in memory): the slices along Z first, on {@code zPlanes}. */
	public void upscale(Path input, Path output, TargetSize size, ZScale z, AxialUpscaler.Planes zPlanes, boolean float32,
		boolean overwrite, Monitor monitor) throws IOException, ModelFormatException
	{
		boolean tiff = ImageFiles.extension(output).startsWith("tif");
		if (float32 && !tiff) throw new IllegalArgumentException("32-bit results need a .tif output, not " + output.getFileName());
		ImagePlus imp = ImageFiles.read(input);
		Upscaler upscaler = ModelCache.upscaler(model, imp.getBitDepth() == 24, device, options);
		int[] alpha = ImageFiles.alpha(imp);
		if (alpha != null) {
			// transparency: the colours through the model, the alpha channel by PIL's bicubic (it holds masks, not texture)
			if (float32) throw new IllegalArgumentException(input.getFileName() + " has transparency, kept as 8-bit RGBA: drop --float");
			ImagePlus result = new ImagePlusUpscaler(upscaler, zPlanes).upscale(imp, size, z, false, monitor);
			ImageFiles.writeWithAlpha(result, Bicubic.resize8(alpha, imp.getHeight(), imp.getWidth(), result.getHeight(), result
				.getWidth()), output, overwrite);
			return;
		}
		StreamedTiffUpscale streamed = new StreamedTiffUpscale(upscaler);
		if (tiff && z.isNone() && streamed.supports(imp, float32)) {
			streamed.upscale(imp, size, float32, output, overwrite, monitor);
		}
		else {
			ImageFiles.write(new ImagePlusUpscaler(upscaler, zPlanes).upscale(imp, size, z, float32, monitor), output, overwrite);
		}
	}
}
