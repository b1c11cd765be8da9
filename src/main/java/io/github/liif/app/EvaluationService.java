package io.github.liif.app;

import io.github.liif.catalogue.ModelCache;
import io.github.liif.eval.AxialEvaluation;
import io.github.liif.eval.EvalRow;
import io.github.liif.eval.Evaluation;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.ModelFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The evaluations the front ends share: images in, scored rows out; models from the catalogue, as the upscale loads them. */
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
		ModelCache.Loaded model = ModelCache.load(r.model(), r.images().get(0).rgb(), r.device());
		List<Evaluation.Image> images = ImageSets.asEvaluationImages(ImageSets.planes(r.images(), model.model().channels(), 16,
			warn, null));
		List<EvalRow> rows = new Evaluation(r.degradation(), r.noise(), r.ssim()).run(upscaler(model, r), images, r.scales(),
			monitor);
		return new Result(model.model().descriptor().name(), images.size(), rows);
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
		ModelCache.Loaded model = ModelCache.load(r.model(), rgb, r.device());
		List<AxialEvaluation.Row> rows = new AxialEvaluation(r.degradation(), r.noise()).run(new AxialUpscaler(upscaler(model, r),
			r.zPlanes()), volumes, r.scales(), monitor);
		return new AxialResult(model.model().descriptor().name(), volumes.size(), rows);
	}

	private static void checkImages(EvaluationRequest r) throws IOException {
		if (r.images().isEmpty())
			throw new IOException("no images to evaluate on: give folders or files of TIFF, PNG or JPEG images");
	}

	private static Upscaler upscaler(ModelCache.Loaded model, EvaluationRequest r) {
		return model.upscaler(UpscaleOptions.DEFAULT.withConsistency(r.consistency()));
	}
}
