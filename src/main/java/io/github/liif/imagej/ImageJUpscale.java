package io.github.liif.imagej;

import ij.ImagePlus;
import io.github.liif.app.UpscaleRequest;
import io.github.liif.app.UpscaleService;
import io.github.liif.inference.Monitor;
import io.github.liif.model.ModelFormatException;

/** The upscale of an ImagePlus, as the ImageJ front ends (IJ1 plugin, SciJava command) ask for it. */
public final class ImageJUpscale {

	private ImageJUpscale() {}

	/** Upscales into a new image; the input is only read. */
	public static ImagePlus run(ImagePlus imp, UpscaleRequest request, Monitor monitor) throws ModelFormatException {
		ImagePlusResult result = new ImagePlusResult(imp);
		UpscaleService.upscale(request, ImagePlusData.of(imp), result, monitor);
		return result.image();
	}
}
