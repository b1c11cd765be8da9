package io.github.liif.imagej;

import io.github.liif.engine.DeviceChoice;
import io.github.liif.engine.Engines;
import io.github.liif.engine.Models;
import io.github.liif.eval.EvalRow;
import io.github.liif.eval.Evaluation;
import io.github.liif.image.Degradation;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelFormatException;
import io.github.liif.network.LiifNetwork;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The evaluation the front ends share: image files in, scored rows out. */
public final class ImageJEvaluation {

	/** Rows plus what they were computed with. */
	public record Result(String model, int images, List<EvalRow> rows) {}

	private ImageJEvaluation() {}

	public static Result run(String modelName, List<Path> data, double[] scales, Degradation degradation, double noise, boolean ssim,
		Consistency consistency, DeviceChoice device, Monitor monitor, Consumer<String> warn) throws IOException, ModelFormatException
	{
		for (double s : scales) if (!(s >= 1) || !Double.isFinite(s)) throw new IllegalArgumentException("scales must be >= 1, got " + s);
		List<Path> files = ImageFiles.list(data);
		if (files.isEmpty()) throw new IOException("no images in " + data);
		boolean rgb = ImageFiles.read(files.get(0)).getBitDepth() == 24;
		LiifModel model = Models.load(modelName, rgb);
		List<Evaluation.Image> images = TrainingData.asEvaluationImages(TrainingData.load(files, model.channels(), 16, warn));
		try (LiifNetwork net = LiifNetwork.create(model.network(), Engines.device(device))) {
			List<EvalRow> rows = new Evaluation(degradation, noise, ssim).run(new Upscaler(net, UpscaleOptions.DEFAULT
				.withConsistency(consistency.resolvedFor(Models.trainingDegradation(model)))), images, scales,
				monitor);
			return new Result(model.descriptor().name(), images.size(), rows);
		}
	}
}
