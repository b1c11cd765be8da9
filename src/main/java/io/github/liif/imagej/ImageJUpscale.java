package io.github.liif.imagej;

import ij.ImagePlus;
import io.github.liif.app.UpscaleRequest;
import io.github.liif.app.UpscaleService;
import io.github.liif.inference.Monitor;
import io.github.liif.model.ModelFormatException;

/** The one entry point the ImageJ front ends (IJ1 plugin, SciJava command) share. */
public final class ImageJUpscale {

	private ImageJUpscale() {}

	/** Upscales into a new image; the input is only read. */
	public static ImagePlus run(ImagePlus imp, UpscaleRequest request, Monitor monitor) throws ModelFormatException {
		if (imp == null) throw new IllegalArgumentException("no image: open an image first");
		return new ImagePlusUpscaler(UpscaleService.upscaler(request, imp.getBitDepth() == 24), request.zPlanes()).upscale(imp, request
			.size(), request.z(), request.float32(), monitor);
	}
}
