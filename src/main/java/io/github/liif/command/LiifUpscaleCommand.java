package io.github.liif.command;

import ij.ImagePlus;
import io.github.liif.app.RequestedSize;
import io.github.liif.app.UpscaleRequest;
import io.github.liif.image.Degradation;
import io.github.liif.imagej.ImageJUpscale;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.ZScale;
import io.github.liif.runtime.DeviceChoice;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * LIIF Upscale as a headless SciJava command over an ImagePlus (in Fiji, the current image).
 * No menu path: the menu entry is the ImageJ 1 one, so Fiji shows exactly one.
 */
@Plugin(type = Command.class, headless = true, label = "LIIF Upscale")
public class LiifUpscaleCommand extends LiifCommand {

	@Parameter(label = "Image", description = "The image to upscale (never modified)")
	private ImagePlus input;

	@Parameter(label = "Model", description = "default, natural, microscopy or a model file")
	private String model = "default";

	@Parameter(label = "Scale X", min = "1", required = false, description = "Horizontal factor, any real number >= 1; "
		+ "not given: Scale Y's (both not given: 2)")
	private Double scaleX;

	@Parameter(label = "Scale Y", min = "1", required = false, description = "Vertical factor, any real number >= 1; not "
		+ "given: Scale X's")
	private Double scaleY;

	@Parameter(label = "Width (0: use scales)", min = "0", required = false, description = "Explicit output width in pixels")
	private int width;

	@Parameter(label = "Height (0: use scales)", min = "0", required = false, description = "Explicit output height in pixels")
	private int height;

	@Parameter(label = "Scale Z", required = false, description = "Z-stacks: 1 keeps the slices; a factor >= 1 or 'isotropic' "
		+ "(voxel depth = the result's pixel width) adds slices first, the model on XZ and YZ planes")
	private String scaleZ = "1";

	@Parameter(label = "Tile", min = "8", description = "LR tile edge in pixels: memory grows with its square, results do not change")
	private int tile = 256;

	@Parameter(label = "Device", choices = { DeviceChoice.AUTO_ID, DeviceChoice.CPU_ID,
		DeviceChoice.GPU_ID }, description = "auto: the GPU when CUDA libtorch is installed")
	private String device = DeviceChoice.AUTO_ID;

	@Parameter(label = "Output", choices = { "same",
		"32-bit" }, description = "The input's type (rounded, clamped) or 32-bit float")
	private String outputType = "same";

	@Parameter(label = "Consistency", choices = { Consistency.DEFAULT_ID, "off", Degradation.BICUBIC_ID, Degradation.AREA_ID,
		Degradation.BLUR_NOISE_ID }, description = "Back-projection onto the input after the network: keeps its colours and intensities (auto: the model's "
			+ "training degradation)")
	private String consistency = Consistency.DEFAULT_ID;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus output;

	@Override
	protected void execute() throws Exception {
		ZScale z = ZScale.parse(scaleZ);
		TargetSize size = RequestedSize.given(null, scaleX, scaleY, width, height, z).orElse(TargetSize.scale(2));
		UpscaleRequest request = UpscaleRequest.builder(size).model(model).tile(tile).device(DeviceChoice.parse(device)).float32(
			outputType.equals("32-bit")).consistency(Consistency.parse(consistency)).z(z).build();
		output = ImageJUpscale.run(input, request, monitor());
	}

	@Override
	protected String title() {
		return "LIIF Upscale";
	}
}
