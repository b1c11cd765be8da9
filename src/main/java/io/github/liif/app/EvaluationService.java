package io.github.liif.app;

import io.github.liif.catalogue.Models;
import io.github.liif.eval.AxialEvaluation;
import io.github.liif.eval.EvalRow;
import io.github.liif.eval.Evaluation;
import io.github.liif.image.Degradation;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.ProgressChain;
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

	/** The rows of one degradation plus what they were computed with. */
	public record Result(String model, int images, Degradation degradation, List<EvalRow> rows) {}

	/** The rows along Z of one degradation plus what they were computed with. */
	public record AxialResult(String model, int volumes, Degradation degradation, List<AxialEvaluation.Row> rows) {}

	private EvaluationService() {}

	/** In XY: every plane of every image against bicubic, once per degradation asked for. */
	public static List<Result> inPlane(EvaluationRequest r, Monitor monitor, Consumer<String> warn) throws IOException,
		ModelFormatException
	{
		checkImages(r);
		LiifModel model = Models.load(r.model(), r.images().get(0).rgb());
		List<Evaluation.Image> images = ImageSets.asEvaluationImages(ImageSets.planes(r.images(), model.channels(), 16, warn,
			null));
		try (LiifNetwork net = LiifNetwork.create(model.weights(), Engines.device(r.device()))) {
			Upscaler upscaler = upscaler(net, r, model);
			List<Result> results = new ArrayList<>();
			int n = r.degradations().size();
			for (int i = 0; i < n; i++) {
				Evaluation protocol = new Evaluation(r.degradations().get(i), r.noise(), r.seed(), r.ssim());
				long work = (long) images.size() * r.scales().length;
				List<EvalRow> rows = protocol.run(upscaler, images, r.scales(), new ProgressChain(monitor, i * work, n * work));
				results.add(new Result(model.descriptor().name(), images.size(), r.degradations().get(i), rows));
			}
			return results;
		}
	}

	/**
	 * Reduce-and-restore along Z on Z-stacks (every channel and frame a volume): the model on
	 * XZ/YZ planes against linear and cubic interpolation along Z, once per degradation asked for.
	 */
	public static List<AxialResult> alongZ(EvaluationRequest r, Monitor monitor) throws IOException, ModelFormatException {
		checkImages(r);
		List<AxialEvaluation.Volume> volumes = new ArrayList<>();
		for (ImageSource image : r.images()) volumes.addAll(image.volumes());
		boolean rgb = volumes.stream().anyMatch(v -> v.voxels().length == 3);
		LiifModel model = Models.load(r.model(), rgb);
		try (LiifNetwork net = LiifNetwork.create(model.weights(), Engines.device(r.device()))) {
			AxialUpscaler upscaler = new AxialUpscaler(upscaler(net, r, model), r.zPlanes());
			List<AxialResult> results = new ArrayList<>();
			int n = r.degradations().size();
			for (int i = 0; i < n; i++) {
				AxialEvaluation protocol = new AxialEvaluation(r.degradations().get(i), r.noise(), r.seed(), r.axialSigma());
				long work = (long) volumes.size() * r.scales().length;
				List<AxialEvaluation.Row> rows = protocol.run(upscaler, volumes, r.scales(), new ProgressChain(monitor, i * work,
					n * work));
				results.add(new AxialResult(model.descriptor().name(), volumes.size(), r.degradations().get(i), rows));
			}
			return results;
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
