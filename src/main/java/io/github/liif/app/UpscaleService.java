package io.github.liif.app;

import io.github.liif.catalogue.ModelCache;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.ModelFormatException;

/**
 * What every upscale front end does before any pixel moves: the request's model resolved for the
 * image's kind ("default": natural for RGB, microscopy otherwise), loaded once per model and
 * device, and its "auto" consistency step resolved from the model's training recipe.
 */
public final class UpscaleService {

	private UpscaleService() {}

	/** @param rgb whether the image to upscale is RGB */
	public static Upscaler upscaler(UpscaleRequest request, boolean rgb) throws ModelFormatException {
		return ModelCache.upscaler(request.model(), rgb, request.device(), request.options());
	}
}
