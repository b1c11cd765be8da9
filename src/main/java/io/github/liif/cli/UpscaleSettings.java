package io.github.liif.cli;

import io.github.liif.app.RequestedSize;
import io.github.liif.app.UpscaleRequest;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.ZScale;
import io.github.liif.network.DecoderMode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The model, device, size and how-to options of the commands that upscale (on one machine or on Spark). */
final class UpscaleSettings {

	@Mixin
	ModelOptions model = new ModelOptions();

	@Mixin
	DeviceOptions device = new DeviceOptions();

	@ArgGroup(exclusive = true, multiplicity = "0..1")
	Target target;

	static final class Target {

		@Option(names = "--scale", paramLabel = "S", description = "Scale both axes by S (any real number >= 1).")
		Double scale;

		@ArgGroup(exclusive = false)
		Axes axes;

		@Option(names = "--size", paramLabel = "WxH", description = "Explicit output size in pixels.")
		String size;
	}

	static final class Axes {

		@Option(names = "--scale-x", paramLabel = "SX", description = "Horizontal scale (alone: both axes).")
		Double x;

		@Option(names = "--scale-y", paramLabel = "SY", description = "Vertical scale (alone: both axes).")
		Double y;
	}

	@Option(names = "--scale-z", paramLabel = "SZ|isotropic", description = "Z-stacks: add slices along Z first (the model on XZ and YZ planes), by a factor >= 1 or 'isotropic' (voxel "
		+ "depth = the result's pixel width, from the file's calibration). Alone, the planes keep their size.")
	String scaleZ;

	@Option(names = "--z-planes", defaultValue = "both", paramLabel = "both|xz|yz", description = "Along Z: the XZ and YZ estimates averaged, or one family only. Default: ${DEFAULT-VALUE}.")
	String zPlanes;

	@Option(names = "--tile", defaultValue = "256", paramLabel = "N", description = "LR tile edge in pixels; memory grows with its square. Default: ${DEFAULT-VALUE}.")
	int tile;

	@Option(names = "--batch", defaultValue = "auto", paramLabel = "auto|N", description = "Output pixels per decoder batch; auto: sized by the model (same values either way). Default: ${DEFAULT-VALUE}.")
	String batch;

	@Option(names = "--decoder", defaultValue = "SPLIT", paramLabel = "SPLIT|REFERENCE", description = "Decoder formulation (same values): SPLIT (fast) or REFERENCE. Default: ${DEFAULT-VALUE}.")
	DecoderMode decoder;

	@Option(names = "--consistency", defaultValue = Consistency.DEFAULT_ID, paramLabel = "auto|off|bicubic|area|blur-noise[:STEPS]", description = "Back-projection onto the input after the network, so the result keeps the input's colours and "
		+ "intensities: auto (one step under the model's training degradation), off, or a degradation. Default: ${DEFAULT-VALUE}.")
	String consistency;

	@Option(names = "--ensemble", defaultValue = "1", paramLabel = "1|8", description = "8: the mean of the model's predictions "
		+ "on the 8 flips and rotations of the input (the 4 flips along Z), before the consistency step; about 8x the time. "
		+ "Default: ${DEFAULT-VALUE}.")
	int ensemble;

	@Option(names = "--float", description = "Write 32-bit float results instead of the input's bit depth (.tif only).")
	boolean float32;

	@Option(names = "--overwrite", description = "Replace existing outputs.")
	boolean overwrite;

	/** The upscale these options ask for. */
	UpscaleRequest request() {
		return UpscaleRequest.builder(targetSize()).model(model.model).options(new UpscaleOptions(tile, UpscaleOptions.parseBatch(
			batch), decoder, Consistency.parse(consistency), ensemble)).device(device.deviceChoice()).float32(float32).z(zScale())
			.zPlanes(AxialUpscaler.Planes.parse(zPlanes)).build();
	}

	ZScale zScale() {
		return ZScale.parse(scaleZ);
	}

	/** The XY size by the one rule of every front end ({@link RequestedSize}); without one, 1 (the planes kept) when a Z scale is given. */
	TargetSize targetSize() {
		if (target != null && target.size != null) {
			String[] parts = target.size.toLowerCase().split("x");
			try {
				return TargetSize.size(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
			}
			catch (RuntimeException e) {
				throw new IllegalArgumentException("--size must look like 640x480, got '" + target.size + "'");
			}
		}
		Axes axes = target == null || target.axes == null ? new Axes() : target.axes;
		return RequestedSize.given(target == null ? null : target.scale, axes.x, axes.y, 0, 0, zScale()).orElseThrow(
			() -> new IllegalArgumentException("give --scale, --scale-x and/or --scale-y, --size, or --scale-z"));
	}
}
