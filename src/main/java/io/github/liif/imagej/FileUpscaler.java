package io.github.liif.imagej;

import ij.ImagePlus;
import io.github.liif.app.UpscaleRequest;
import io.github.liif.image.Bicubic;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.ModelFormatException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Upscales an image file into another, the same way for the command line and the Spark job:
 * one-plane images into TIFF are streamed (bounded memory, BigTIFF when large), everything
 * else goes through an ImagePlus in memory. Outputs are written atomically.
 */
public final class FileUpscaler {

	private final UpscaleRequest request;

	/** @param request the upscale every file gets; its "default" model is chosen per image */
	public FileUpscaler(UpscaleRequest request) {
		this.request = request;
	}

	public void upscale(Path input, Path output, boolean overwrite, Monitor monitor) throws IOException, ModelFormatException {
		boolean tiff = ImageFiles.extension(output).startsWith("tif");
		boolean float32 = request.float32();
		if (float32 && !tiff)
			throw new IllegalArgumentException("32-bit results need a .tif output, not " + output.getFileName());
		ImagePlus imp = ImageFiles.read(input);
		Upscaler upscaler = ImageJUpscale.upscaler(request, imp);
		ImagePlusUpscaler inMemory = new ImagePlusUpscaler(upscaler, request.zPlanes());
		int[] alpha = ImageFiles.alpha(imp);
		if (alpha != null) {
			// transparency: the colours through the model, the alpha channel by PIL's bicubic (it holds masks, not texture)
			if (float32)
				throw new IllegalArgumentException(input.getFileName() + " has transparency, kept as 8-bit RGBA: drop --float");
			ImagePlus result = inMemory.upscale(imp, request.size(), request.z(), false, monitor);
			ImageFiles.writeWithAlpha(result, Bicubic.resize8(alpha, imp.getHeight(), imp.getWidth(), result.getHeight(), result
				.getWidth()), output, overwrite);
			return;
		}
		StreamedTiffUpscale streamed = new StreamedTiffUpscale(upscaler);
		if (tiff && request.z().isNone() && streamed.supports(imp, float32)) {
			streamed.upscale(imp, request.size(), float32, output, overwrite, monitor);
		}
		else {
			ImageFiles.write(inMemory.upscale(imp, request.size(), request.z(), float32, monitor), output, overwrite);
		}
	}
}
