package io.github.liif.imagej;

import ij.ImagePlus;
import io.github.liif.app.UpscaleRequest;
import io.github.liif.app.UpscaleService;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.ModelFormatException;

/** The one entry point the ImageJ front ends (IJ1 plugin, SciJava command) share. */
public final class ImageJUpscale {

	private ImageJUpscale() {}

	/** Upscales into a new image; the input is only read. */
	public static ImagePlus run(ImagePlus imp, UpscaleRequest request, Monitor monitor) throws ModelFormatException {
		if (imp == null) throw new IllegalArgumentException("no image: open an image first");
		return new ImagePlusUpscaler(upscaler(request, imp), request.zPlanes()).upscale(imp, request.size(), request.z(), request
			.float32(), monitor);
	}

	/** The request's network for this image ("default" chooses by whether it is RGB). */
	public static Upscaler upscaler(UpscaleRequest request, ImagePlus imp) throws ModelFormatException {
		return UpscaleService.upscaler(request, isRgb(imp));
	}

	/** Whether the image is RGB colour (three 8-bit channels in one slice): the one test of it. */
	public static boolean isRgb(ImagePlus imp) {
		return imp.getBitDepth() == 24;
	}
}
