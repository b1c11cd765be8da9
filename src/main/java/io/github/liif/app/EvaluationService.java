package io.github.liif.app;

import io.github.liif.catalogue.Models;
import io.github.liif.eval.AxialEvaluation;
import io.github.liif.eval.EvalRow;
import io.github.liif.eval.Evaluation;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelFormatException;
import io.github.liif.network.LiifNetwork;
import io.github.liif.runtime.Engines;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The evaluations the front ends share: images in, scored rows out. */
public final class EvaluationService {

	/** Rows plus what they were computed with. */
	public record Result(String model, int images, List<EvalRow> rows) {}

	/** Rows along Z plus what they were computed with. */
	public record AxialResult(String model, int volumes, List<AxialEvaluation.Row> rows) {}

	private EvaluationService() {}

	/** In XY: every plane of every image against bicubic. */
	public static Result inPlane(EvaluationRequest r, Monitor monitor, Consumer<String> warn) throws IOException,
		ModelFormatException
	{
		checkImages(r);
		LiifModel model = Models.load(r.model(), r.images().get(0).rgb());
		List<Evaluation.Image> images = ImageSets.asEvaluationImages(ImageSets.planes(r.images(), model.channels(), 16, warn,
			null));
		try (LiifNetwork net = LiifNetwork.create(model.weights(), Engines.device(r.device()))) {
			List<EvalRow> rows = new Evaluation(r.degradation(), r.noise(), r.ssim()).run(upscaler(net, r, model), images, r
				.scales(), monitor);
			return new Result(model.descriptor().name(), images.size(), rows);
		}
	}

	/**
	 * Reduce-and-restore along Z on Z-stacks (every channel and frame a volume): the model on
	 * XZ/YZ planes against linear and cubic interpolation along Z.
	 */
	public static AxialResult alongZ(EvaluationRequest r, Monitor monitor) throws IOException, ModelFormatException {
		checkImages(r);
		List<AxialEvaluation.Volume> volumes = new ArrayList<>();
		for (ImageSource image : r.images()) volumes.addAll(image.volumes());
		boolean rgb = volumes.stream().anyMatch(v -> v.voxels().length == 3);
		LiifModel model = Models.load(r.model(), rgb);
		try (LiifNetwork net = LiifNetwork.create(model.weights(), Engines.device(r.device()))) {
			List<AxialEvaluation.Row> rows = new AxialEvaluation(r.degradation(), r.noise()).run(new AxialUpscaler(upscaler(net,
				r, model), r.zPlanes()), volumes, r.scales(), monitor);
			return new AxialResult(model.descriptor().name(), volumes.size(), rows);
		}
	}

	private static void checkImages(EvaluationRequest r) throws IOException {
		if (r.images().isEmpty())
			throw new IOException("no images to evaluate on: give folders or files of TIFF, PNG or JPEG images");
	}

	private static Upscaler upscaler(LiifNetwork net, EvaluationRequest r, LiifModel model) {
		return new Upscaler(net, UpscaleOptions.DEFAULT.withConsistency(Models.consistencyFor(r.consistency(), model)));
	}
}
