package io.github.liif.app;

import io.github.liif.catalogue.ModelCache;
import io.github.liif.eval.AxialEvaluation;
import io.github.liif.eval.EvalRow;
import io.github.liif.eval.Evaluation;
import io.github.liif.image.Degradation;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.ProgressChain;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.ModelFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The evaluations the front ends share: images in, scored rows out; models from the catalogue, as the upscale loads them. */
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
		ModelCache.Loaded model = ModelCache.load(r.model(), r.images().get(0).rgb(), r.device());
		List<Evaluation.Image> images = ImageSets.asEvaluationImages(ImageSets.planes(r.images(), model.model().channels(), 16,
			warn, null));
		Upscaler upscaler = upscaler(model, r);
		List<Result> results = new ArrayList<>();
		int n = r.degradations().size();
		long work = (long) images.size() * r.scales().length;
		for (int i = 0; i < n; i++) {
			Evaluation protocol = new Evaluation(r.degradations().get(i), r.noise(), r.seed(), r.ssim());
			List<EvalRow> rows = protocol.run(upscaler, images, r.scales(), new ProgressChain(monitor, i * work, n * work));
			results.add(new Result(model.model().descriptor().name(), images.size(), r.degradations().get(i), rows));
		}
		return results;
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
		ModelCache.Loaded model = ModelCache.load(r.model(), rgb, r.device());
		AxialUpscaler upscaler = new AxialUpscaler(upscaler(model, r), r.zPlanes());
		List<AxialResult> results = new ArrayList<>();
		int n = r.degradations().size();
		long work = (long) volumes.size() * r.scales().length;
		for (int i = 0; i < n; i++) {
			AxialEvaluation protocol = new AxialEvaluation(r.degradations().get(i), r.noise(), r.seed(), r.axialSigma());
			List<AxialEvaluation.Row> rows = protocol.run(upscaler, volumes, r.scales(), new ProgressChain(monitor, i * work, n
				* work));
			results.add(new AxialResult(model.model().descriptor().name(), volumes.size(), r.degradations().get(i), rows));
		}
		return results;
	}

	private static void checkImages(EvaluationRequest r) throws IOException {
		if (r.images().isEmpty())
			throw new IOException("no images to evaluate on: give folders or files of TIFF, PNG or JPEG images");
	}

	private static Upscaler upscaler(ModelCache.Loaded model, EvaluationRequest r) {
		return model.upscaler(UpscaleOptions.DEFAULT.withConsistency(r.consistency()).withEnsemble(r.ensemble()));
	}
}
