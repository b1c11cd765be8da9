package io.github.liif.command;

import io.github.liif.catalogue.ModelCache;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/**
 * Frees the networks LIIF keeps loaded (their native memory) when the SciJava context ends:
 * Fiji quitting, or a headless script's context disposed.
 */
@Plugin(type = Service.class)
public class LiifModelService extends AbstractService {

	/** How many networks are loaded now. */
	public int loadedModels() {
		return ModelCache.size();
	}

	@Override
	public void dispose() {
		ModelCache.clear();
	}
}
