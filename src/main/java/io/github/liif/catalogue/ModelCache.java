package io.github.liif.catalogue;

import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelFormatException;
import io.github.liif.network.LiifNetwork;
import io.github.liif.runtime.DeviceChoice;
import io.github.liif.runtime.Engines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps loaded networks, so that repeated upscales (a macro over a folder) load a model once.
 * Networks are closed only by {@link #clear} (when the application ends, e.g. the SciJava
 * context's disposal): another thread may still be upscaling with one, and closing it would free
 * native memory under that thread. A model file changed on disk is loaded anew. Thread-safe.
 */
public final class ModelCache {

	/** A loaded network and its model (whose recipe resolves the consistency step). */
	public record Loaded(LiifNetwork network, LiifModel model) {

		/** An upscaler with these options; a consistency step of "auto" becomes the model's own training degradation. */
		public Upscaler upscaler(UpscaleOptions options) {
			return new Upscaler(network, options.withConsistency(Models.consistencyFor(options.consistency(), model)));
		}
	}

	private static final Map<String, Loaded> NETWORKS = new LinkedHashMap<>();

	private ModelCache() {}

	/**
	 * An upscaler for a model ("default" resolved by image kind) on the device; a consistency
	 * step of "auto" becomes the model's own training degradation.
	 */
	public static Upscaler upscaler(String name, boolean rgb, DeviceChoice device, UpscaleOptions options)
		throws ModelFormatException
	{
		return load(name, rgb, device).upscaler(options);
	}

	/** A model ("default" resolved by image kind) and its network on the device, loaded on first use. */
	public static synchronized Loaded load(String name, boolean rgb, DeviceChoice device) throws ModelFormatException {
		String resolved = Models.resolve(name, rgb);
		String key = resolved + "|" + stamp(resolved) + "|" + device;
		Loaded loaded = NETWORKS.get(key);
		if (loaded == null) {
			LiifModel model = Models.load(resolved, rgb);
			loaded = new Loaded(LiifNetwork.create(model.weights(), Engines.device(device)), model);
			NETWORKS.put(key, loaded);
		}
		return loaded;
	}

	/** Closes every cached network and forgets them; only when no upscale runs any more. */
	public static synchronized void clear() {
		for (Loaded loaded : NETWORKS.values()) loaded.network().close();
		NETWORKS.clear();
	}

	/** How many networks are loaded. */
	public static synchronized int size() {
		return NETWORKS.size();
	}

	/** A changed model file (same path, retrained) must not be served from the cache. */
	private static String stamp(String name) {
		try {
			Path p = Path.of(name);
			return Files.isRegularFile(p) ? Files.getLastModifiedTime(p) + ":" + Files.size(p) : "";
		}
		catch (RuntimeException | IOException e) {
			return "";
		}
	}
}
