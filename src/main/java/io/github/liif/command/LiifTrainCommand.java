package io.github.liif.command;

import io.github.liif.app.TrainingRequest;
import io.github.liif.app.TrainingSetup;
import io.github.liif.app.ValidationReport;
import io.github.liif.eval.EvalRow;
import io.github.liif.image.Degradation;
import io.github.liif.imagej.Charts;
import io.github.liif.imagej.ImageJSource;
import io.github.liif.model.GlobalResidual;
import io.github.liif.runtime.DeviceChoice;
import io.github.liif.runtime.Engines;
import io.github.liif.train.LiifTrainer;
import io.github.liif.train.TrainingConfig;
import io.github.liif.train.TrainingListener;
import io.github.liif.train.TrainingRun;
import java.io.File;
import java.util.List;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** LIIF Train as a headless SciJava command (scripts, headless Fiji); same recipe as the CLI. */
@Plugin(type = Command.class, headless = true, label = "LIIF Train")
public class LiifTrainCommand extends LiifCommand {

	@Parameter(label = "Training images", style = "directory", description = "A folder of TIFF, PNG or JPEG images (every page of a TIFF is a plane)")
	private File data;

	@Parameter(label = "Validation images (empty: hold out 1 in 10)", style = "directory", required = false, description = "Held-out images scored against bicubic during training; never trained on")
	private File validation;

	@Parameter(label = "Fine-tune from (empty: new model)", required = false, description = "natural, microscopy or a model file to start from; empty trains a new model")
	private String from = "microscopy";

	@Parameter(label = "Output model", style = "save", description = "The .liif model file to write (its checkpoint: the same name + .ckpt)")
	private File output;

	@Parameter(label = "Iterations", min = "1", description = "Total batches to train")
	private int iterations = TrainingConfig.FINE_TUNE_ITERATIONS;

	@Parameter(label = "Batch", min = "1", description = "Patches per iteration (the reference: 16)")
	private int batch = TrainingConfig.BATCH;

	@Parameter(label = "Learning rate", min = "0", description = "Adam's learning rate; lower (e.g. 5e-5) for fine-tuning")
	private double learningRate = TrainingConfig.FINE_TUNE_LEARNING_RATE;

	@Parameter(label = "Degradation", choices = { Degradation.BICUBIC_ID, Degradation.AREA_ID,
		Degradation.BLUR_NOISE_ID }, description = "How low-resolution inputs are made: bicubic (the reference), area (camera binning), blur-noise (PSF and noise)")
	private String degradation = Degradation.BICUBIC_ID;

	@Parameter(label = "Global residual (new model)", choices = { "none",
		"bicubic" }, description = "bicubic: the decoder adds to a bicubic upsampling of the input; none: the reference LIIF")
	private String globalResidual = GlobalResidual.DEFAULT_FOR_NEW_MODELS;

	@Parameter(label = "Resume from the checkpoint", description = "Continue the run of this output model from its checkpoint")
	private boolean resume;

	@Override
	protected void execute() throws Exception {
		TrainingConfig config = TrainingConfig.builder().iterations(iterations).batch(batch).learningRate(learningRate)
			.degradation(Degradation.parse(degradation)).build();
		TrainingRequest request = TrainingRequest.builder(output.toPath()).training(ImageJSource.files(List.of(data.toPath())))
			.validation(ImageJSource.files(validation == null ? List.of() : List.of(validation.toPath()))).from(from)
			.globalResidual(GlobalResidual.parse(globalResidual)).config(config).build();
		TrainingRun run = TrainingSetup.prepare(request, this::info);
		new LiifTrainer(run, listener(run), Engines.device(DeviceChoice.AUTO)).train(resume);
	}

	@Override
	protected String title() {
		return "LIIF Train";
	}

	@Override
	protected String stoppedMessage() {
		return "stopped; a checkpoint was written (resume to continue)";
	}

	private TrainingListener listener(TrainingRun run) {
		return new TrainingListener() {

			@Override
			public void iteration(long iteration, long total, double loss, double rate) {
				if (status != null) status.showStatus((int) iteration, (int) total, String.format("LIIF Train: loss %.4f", loss));
			}

			@Override
			public void validated(long iteration, List<EvalRow> rows) {
				ValidationReport.report(run, iteration, rows, Charts::validationChart, LiifTrainCommand.this::info);
			}

			@Override
			public boolean isCancelled() { return isCanceled() || Thread.currentThread().isInterrupted(); }
		};
	}
}
