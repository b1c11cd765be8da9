package io.github.liif.imagej;

import ij.ImagePlus;
import io.github.liif.runtime.DeviceChoice;
import io.github.liif.runtime.Engines;
import io.github.liif.catalogue.Models;
import io.github.liif.eval.AxialEvaluation;
import io.github.liif.eval.EvalRow;
import io.github.liif.eval.Evaluation;
import io.github.liif.image.Degradation;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.Upscaler;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelFormatException;
import io.github.liif.network.LiifNetwork;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The evaluation the front ends share: image files in, scored rows out. */
public final class ImageJEvaluation {

	/** Rows plus what they were computed with. */
	public record Result(String model, int images, List<EvalRow> rows) {}

	/** Rows along Z plus what they were computed with. */
	public record AxialResult(String model, int volumes, List<AxialEvaluation.Row> rows) {}

	private ImageJEvaluation() {}

	/**
	 * Reduce-and-restore along Z on Z-stacks (every channel and frame a volume): the model on
	 * XZ/YZ planes against linear and cubic interpolation along Z.
	 */
	public static AxialResult runAlongZ(String modelName, List<Path> data, double[] scales, Degradation degradation, double noise,
		Consistency consistency, AxialUpscaler.Planes planes, DeviceChoice device, Monitor monitor) throws IOException,
		ModelFormatException
	{
		checkScales(scales);
		List<Path> files = ImageFiles.list(data);
		if (files.isEmpty()) throw new IOException("no images in " + data);
		List<AxialEvaluation.Volume> volumes = new ArrayList<>();
		boolean rgb = false;
		for (Path f : files) {
			ImagePlus imp = ImageFiles.read(f);
			rgb |= imp.getBitDepth() == 24;
			volumes.addAll(volumes(imp, f.getFileName().toString()));
		}
		LiifModel model = Models.load(modelName, rgb);
		try (LiifNetwork net = LiifNetwork.create(model.weights(), Engines.device(device))) {
			Upscaler upscaler = new Upscaler(net, UpscaleOptions.DEFAULT.withConsistency(Models.consistencyFor(consistency, model)));
			List<AxialEvaluation.Row> rows = new AxialEvaluation(degradation, noise).run(new AxialUpscaler(upscaler, planes), volumes,
				scales, monitor);
			return new AxialResult(model.descriptor().name(), volumes.size(), rows);
		}
	}

	/** Every channel and frame of a Z-stack as a volume in network space (16/32-bit: the channel's percentile range). */
	static List<AxialEvaluation.Volume> volumes(ImagePlus imp, String name) {
		if (imp.getNSlices() < 3) {
			throw new IllegalArgumentException(name + " has " + imp.getNSlices() + " slice(s): evaluating along Z needs Z-stacks (if its "
				+ imp.getStackSize() + " planes are slices, fix that with Image > Properties...)");
		}
		Rectangle whole = new Rectangle(0, 0, imp.getWidth(), imp.getHeight());
		UpscalePlan plan = UpscalePlan.of(imp, whole, TargetSize.scale(1), false, 1);
		IntensityRange[] ranges = ImagePlusUpscaler.intensityRanges(imp, whole);
		List<AxialEvaluation.Volume> out = new ArrayList<>();
		for (int t = 0; t < imp.getNFrames(); t++) {
			for (int c = 0; c < imp.getNChannels(); c++) {
				String label = name + (imp.getNChannels() > 1 ? " c" + (c + 1) : "") + (imp.getNFrames() > 1 ? " t" + (t + 1) : "");
				out.add(new AxialEvaluation.Volume(label, ImagePlusUpscaler.volume(imp, plan, c, t, ranges[c]), imp.getNSlices(), imp
					.getHeight(), imp.getWidth(), imp.getBitDepth() == 8 || imp.getBitDepth() == 24, ranges[c].levelsPerUnit()));
			}
		}
		return out;
	}

	private static void checkScales(double[] scales) {
		for (double s : scales) if (!(s >= 1) || !Double.isFinite(s)) throw new IllegalArgumentException("scales must be >= 1, got " + s);
	}

	public static Result run(String modelName, List<Path> data, double[] scales, Degradation degradation, double noise, boolean ssim,
		Consistency consistency, DeviceChoice device, Monitor monitor, Consumer<String> warn) throws IOException, ModelFormatException
	{
		checkScales(scales);
		List<Path> files = ImageFiles.list(data);
		if (files.isEmpty()) throw new IOException("no images in " + data);
		boolean rgb = ImageFiles.read(files.get(0)).getBitDepth() == 24;
		LiifModel model = Models.load(modelName, rgb);
		List<Evaluation.Image> images = TrainingData.asEvaluationImages(TrainingData.load(files, model.channels(), 16, warn));
		try (LiifNetwork net = LiifNetwork.create(model.weights(), Engines.device(device))) {
			List<EvalRow> rows = new Evaluation(degradation, noise, ssim).run(new Upscaler(net, UpscaleOptions.DEFAULT
				.withConsistency(Models.consistencyFor(consistency, model))), images, scales,
				monitor);
			return new Result(model.descriptor().name(), images.size(), rows);
		}
	}
}
