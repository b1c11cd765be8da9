package io.github.liif.app;

import io.github.liif.catalogue.Models;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.ZScale;
import io.github.liif.runtime.DeviceChoice;
import java.io.Serializable;
import java.util.Objects;

/**
 * One upscale as a front end asks for it, built with {@link #builder(TargetSize)}: which model,
 * to which size, how. What a front end does not set is the default here. Serializable, so that a
 * cluster job can hand it to its workers.
 *
 * @param model "default" (chosen by the image's kind), a bundled name or a model file path
 * @param size scales or an explicit size
 * @param options tile, batch, decoder and the consistency step as asked ("auto": the model's
 *          own training degradation, resolved when the model is loaded)
 * @param device where to run
 * @param float32 32-bit output instead of the input's type
 * @param z the scale along Z (applied first, on XZ and YZ planes), or {@link ZScale#NONE}
 * @param zPlanes along Z: which plane families the model runs on
 */
public record UpscaleRequest(String model, TargetSize size, UpscaleOptions options, DeviceChoice device, boolean float32,
	ZScale z, AxialUpscaler.Planes zPlanes) implements Serializable
{

	private static final long serialVersionUID = 1L;

	/** The consistency step a request has unless it asks for another. */
	private static final UpscaleOptions OPTIONS = UpscaleOptions.DEFAULT.withConsistency(Consistency.DEFAULT);

	public UpscaleRequest {
		Models.requireChoice(model);
		Objects.requireNonNull(size, "size");
		Objects.requireNonNull(options, "options");
		Objects.requireNonNull(device, "device");
		Objects.requireNonNull(z, "z");
		Objects.requireNonNull(zPlanes, "zPlanes");
	}

	/** The same request with another model (a file's name on a cluster's workers, say). */
	public UpscaleRequest withModel(String name) {
		return new UpscaleRequest(name, size, options, device, float32, z, zPlanes);
	}

	/** The same request with a 32-bit result. */
	public UpscaleRequest asFloat32() {
		return new UpscaleRequest(model, size, options, device, true, z, zPlanes);
	}

	public static Builder builder(TargetSize size) {
		return new Builder(size);
	}

	/** Builds an {@link UpscaleRequest}; unset fields keep their defaults. */
	public static final class Builder {

		private final TargetSize size;
		private String model = Models.DEFAULT;
		private UpscaleOptions options = OPTIONS;
		private DeviceChoice device = DeviceChoice.AUTO;
		private boolean float32;
		private ZScale z = ZScale.NONE;
		private AxialUpscaler.Planes zPlanes = AxialUpscaler.Planes.BOTH;

		private Builder(TargetSize size) {
			this.size = Objects.requireNonNull(size, "size");
		}

		public Builder model(String name) {
			model = name;
			return this;
		}

		/** Tile, batch, decoder and consistency at once. */
		public Builder options(UpscaleOptions how) {
			options = Objects.requireNonNull(how, "options");
			return this;
		}

		public Builder tile(int edge) {
			options = options.withTile(edge);
			return this;
		}

		/** 1: the network once; 8: the mean of its predictions on the flips and rotations (about 8x the time). */
		public Builder ensemble(int predictions) {
			options = options.withEnsemble(predictions);
			return this;
		}

		public Builder consistency(Consistency step) {
			options = options.withConsistency(Objects.requireNonNull(step, "no consistency choice given: use auto or off"));
			return this;
		}

		public Builder device(DeviceChoice where) {
			device = where;
			return this;
		}

		public Builder float32(boolean always32Bit) {
			float32 = always32Bit;
			return this;
		}

		public Builder z(ZScale scale) {
			z = scale;
			return this;
		}

		public Builder zPlanes(AxialUpscaler.Planes planes) {
			zPlanes = planes;
			return this;
		}

		public UpscaleRequest build() {
			return new UpscaleRequest(model, size, options, device, float32, z, zPlanes);
		}
	}
}
