package io.github.liif.engine;

import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelFormatException;
import io.github.liif.network.LiifNetwork;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the last used network loaded, so that repeated upscales (a macro over a folder) load
 * the model once. One entry: a second model replaces the first. Thread-safe.
 */
public final class ModelCache {

	private static String key;
	private static LiifModel model;
	private static LiifNetwork network;

	private ModelCache() {}

	/** A model by name ("default" resolved by image kind), loaded or taken from the cache. */
	public static synchronized LiifModel model(String name, boolean rgb) throws ModelFormatException {
		load(name, rgb, DeviceChoice.CPU, false);
		return model;
	}

	/** An upscaler for the model on the device; its network stays owned by the cache. */
	public static synchronized Upscaler upscaler(String name, boolean rgb, DeviceChoice device, UpscaleOptions options)
		throws ModelFormatException
	{
		load(name, rgb, device, true);
		return new Upscaler(network, options);
	}

	private static void load(String name, boolean rgb, DeviceChoice device, boolean needNetwork)
		throws ModelFormatException
	{
		String resolved = Models.DEFAULT.equalsIgnoreCase(name) ? Models.defaultFor(rgb) : name;
		String k = resolved + "|" + stamp(resolved) + "|" + device;
		if (!k.equals(key)) {
			LiifModel m = Models.load(resolved, rgb);
			if (network != null) network.close();
			network = null;
			model = m;
			key = k;
		}
		if (needNetwork && network == null) network = LiifNetwork.create(model.network(), Engines.device(device));
	}

	/** A changed model file (same path, retrained) must not be served from the cache. */
	private static String stamp(String name) {
		try {
			Path p = Path.of(name);
			return Files.isRegularFile(p) ? Files.getLastModifiedTime(p) + ":" + Files.size(p) : "";
		}
		catch (Exception e) {
			return "";
		}
	}
}
