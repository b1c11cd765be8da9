package io.github.liif.imagej;

import io.github.liif.runtime.DeviceChoice;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.ZScale;

/**
 * One upscale as a front end asks for it: which model, to which size, how.
 *
 * @param model "default", a bundled name or a model file path
 * @param size scales or an explicit size
 * @param tile LR tile edge
 * @param device where to run
 * @param float32 32-bit output instead of the input's type
 * @param consistency back-projection after the network ("auto": the model's own degradation)
 * @param z the scale along Z (applied first, on XZ and YZ planes), or {@link ZScale#NONE}
 */
public record UpscaleRequest(String model, TargetSize size, int tile, DeviceChoice device, boolean float32,
	Consistency consistency, ZScale z)
{

	/** A request in XY only. */
	public UpscaleRequest(String model, TargetSize size, int tile, DeviceChoice device, boolean float32, Consistency consistency) {
		this(model, size, tile, device, float32, consistency, ZScale.NONE);
	}

	public UpscaleRequest {
		if (model == null || model.isBlank()) throw new IllegalArgumentException("no model given: use 'default', a bundled name or a model file");
		if (z == null) throw new IllegalArgumentException("no Z scale given: use ZScale.NONE");
		if (consistency == null) throw new IllegalArgumentException("no consistency choice given: use auto or off");
		if (tile < UpscaleOptions.MIN_TILE) {
			throw new IllegalArgumentException("tile must be at least " + UpscaleOptions.MIN_TILE + " pixels, got " + tile);
		}
	}

	public UpscaleOptions options() {
		return UpscaleOptions.DEFAULT.withTile(tile).withConsistency(consistency);
	}
}
