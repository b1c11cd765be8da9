package io.github.liif.train;

import io.github.liif.eval.Evaluation;
import io.github.liif.model.LiifModel;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one training run needs.
 *
 * @param start the model to train (new random weights, or a model to fine-tune)
 * @param train training images (all with the model's channel count)
 * @param validation held-out images, never trained on
 * @param config the recipe
 * @param output where the final model goes; the checkpoint is {@code output + ".ckpt"}
 * @param dataDescription what the data was, for the model's provenance
 */
public record TrainingRun(LiifModel start, List<TrainingImage> train, List<Evaluation.Image> validation, TrainingConfig config,
	Path output, String dataDescription)
{

	public Path checkpoint() {
		return output.resolveSibling(output.getFileName() + ".ckpt");
	}

	public Path validationLog() {
		return output.resolveSibling(output.getFileName() + ".validation.csv");
	}

	public Path validationChart() {
		return output.resolveSibling(output.getFileName() + ".validation.png");
	}
}
