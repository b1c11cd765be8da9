package io.github.liif.command;

import io.github.liif.app.RequestedSize;
import io.github.liif.app.UpscaleRequest;
import io.github.liif.image.Degradation;
import io.github.liif.imglib2.ImgData;
import io.github.liif.imglib2.ImgUpscale;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.ZScale;
import io.github.liif.runtime.DeviceChoice;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** LIIF Upscale for scripts over ImgLib2 images (X, Y, optionally channels, then any planes); float result. */
@Plugin(type = Command.class, headless = true, label = "LIIF Upscale (ImgLib2)")
public class LiifUpscaleImgCommand<T extends RealType<T>> extends LiifCommand {

	@Parameter(label = "Image", description = "The image: dimensions 0 and 1 are X and Y, every other position is a plane")
	private RandomAccessibleInterval<T> input;

	@Parameter(label = "Model", description = "default (microscopy), natural, microscopy or a model file")
	private String model = "default";

	@Parameter(label = "Scale X", min = "1", required = false, description = "Horizontal factor, any real number >= 1; "
		+ "not given: Scale Y's (both not given: 2)")
	private Double scaleX;

	@Parameter(label = "Scale Y", min = "1", required = false, description = "Vertical factor, any real number >= 1; not "
		+ "given: Scale X's")
	private Double scaleY;

	@Parameter(label = "Channel dimension", min = "-1", required = false, description = "The dimension of the channels (each "
		+ "mapped by its own intensity range), or -1: none")
	private int channelAxis = ImgData.NO_CHANNELS;

	@Parameter(label = "Tile", min = "8", description = "LR tile edge in pixels: memory grows with its square, results do not change")
	private int tile = 256;

	@Parameter(label = "Device", choices = { DeviceChoice.AUTO_ID, DeviceChoice.CPU_ID,
		DeviceChoice.GPU_ID }, description = "auto: the GPU when CUDA libtorch is installed")
	private String device = DeviceChoice.AUTO_ID;

	@Parameter(label = "Consistency", choices = { Consistency.DEFAULT_ID, "off", Degradation.BICUBIC_ID, Degradation.AREA_ID,
		Degradation.BLUR_NOISE_ID }, description = "Back-projection onto the input after the network: keeps its colours and intensities (auto: the model's "
			+ "training degradation)")
	private String consistency = Consistency.DEFAULT_ID;

	@Parameter(type = ItemIO.OUTPUT)
	private Img<FloatType> output;

	@Override
	protected void execute() throws Exception {
		UpscaleRequest request = UpscaleRequest.builder(RequestedSize.given(null, scaleX, scaleY, 0, 0, ZScale.NONE).orElse(
			TargetSize.scale(2))).model(model).tile(tile).device(DeviceChoice.parse(device)).float32(true).consistency(Consistency
				.parse(consistency)).build();
		output = ImgUpscale.run(input, channelAxis, request, monitor());
	}

	@Override
	protected String title() {
		return "LIIF Upscale";
	}
}
