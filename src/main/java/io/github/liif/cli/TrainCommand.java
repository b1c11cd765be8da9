package io.github.liif.cli;

import io.github.liif.app.TrainingRequest;
import io.github.liif.app.TrainingSetup;
import io.github.liif.app.ValidationReport;
import io.github.liif.eval.EvalRow;
import io.github.liif.image.Degradation;
import io.github.liif.imagej.Charts;
import io.github.liif.imagej.ImageJSource;
import io.github.liif.model.GlobalResidual;
import io.github.liif.model.Padding;
import io.github.liif.runtime.Engines;
import io.github.liif.train.LiifTrainer;
import io.github.liif.train.TrainingConfig;
import io.github.liif.train.TrainingListener;
import io.github.liif.train.TrainingRun;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code liif train}: trains or fine-tunes a model on folders of images. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, description = "Train a LIIF model on your own images (defaults: the reference recipe).")
final class TrainCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--data", required = true, arity = "1..*", paramLabel = "DIR", description = "Training image folders or files.")
	List<Path> data;

	@Option(names = "--val", arity = "1..*", paramLabel = "DIR", description = "Validation folders or files (default: hold out about 1 in 10 training files).")
	List<Path> validation;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "MODEL", description = "The model file to write (.liif).")
	Path output;

	@Option(names = "--iterations", required = true, paramLabel = "N", description = "Total iterations (batches).")
	int iterations;

	@Option(names = "--from", paramLabel = "MODEL", description = "Fine-tune this model (natural, microscopy or a file); with --channels 1 an RGB model is converted to gray.")
	String from;

	@Option(names = "--name", paramLabel = "NAME", description = "Model name (default: output file name).")
	String name;

	@Option(names = "--channels", paramLabel = "1|3", description = "New model: 1 (gray) or 3 (RGB); default from the first image.")
	Integer channels;

	@Option(names = "--encoder", defaultValue = TrainingRequest.ENCODER, paramLabel = "edsr-baseline|rdn", description = "New model's encoder.")
	String encoder;

	@Option(names = "--blocks", paramLabel = "N", description = "Encoder blocks (default: 16).")
	Integer blocks;

	@Option(names = "--features", paramLabel = "N", description = "Encoder features (default: 64).")
	Integer features;

	@Option(names = "--hidden", defaultValue = TrainingRequest.HIDDEN, split = ",", paramLabel = "N,N,...", description = "MLP hidden sizes.")
	int[] hidden;

	@Option(names = "--global-residual", defaultValue = GlobalResidual.DEFAULT_FOR_NEW_MODELS, paramLabel = "none|bicubic", description = "New model: the decoder adds to a bicubic upsampling of the input (bicubic), or predicts the image"
		+ " itself as the reference LIIF does (none). Default: ${DEFAULT-VALUE}.")
	String globalResidual;

	@Option(names = "--patch", defaultValue = "" + TrainingConfig.PATCH)
	int patch;
	@Option(names = "--scale-min", defaultValue = "" + TrainingConfig.MIN_SCALE)
	double scaleMin;
	@Option(names = "--scale-max", defaultValue = "" + TrainingConfig.MAX_SCALE)
	double scaleMax;
	@Option(names = "--anisotropic", description = "Draw the two axes' scales independently.")
	boolean anisotropic;
	@Option(names = "--axial-sigma", paramLabel = "S", description = "Train a model for Z (upscale --scale-z) from XY planes: blur along one axis by a Gaussian of S HR pixels "
		+ "(the axial PSF beyond the lateral one, e.g. sqrt(sz^2 - sxy^2) / pixel size; 0: none), then reduce that axis only.")
	Double axialSigma;
	@Option(names = "--samples", defaultValue = "" + TrainingConfig.SAMPLES, description = "HR pixels per patch.")
	int samples;
	@Option(names = "--batch", defaultValue = "" + TrainingConfig.BATCH)
	int batch;
	@Option(names = "--lr", defaultValue = "" + TrainingConfig.LEARNING_RATE, description = "Adam learning rate.")
	double learningRate;
	@Option(names = "--decay-every", defaultValue = ""
		+ TrainingConfig.DECAY_EVERY, description = "Halve the learning rate every N iterations.")
	int decayEvery;
	@Option(names = "--seed", defaultValue = "1")
	long seed;
	@Option(names = "--degradation", defaultValue = "bicubic", split = ",", paramLabel = "D[,D...]", description = "How LR patches are made: bicubic, area (camera binning) or blur-noise (PSF, binning, Poisson-Gaussian noise); "
		+ "several, comma-separated: each patch by one of them, drawn at random (a model of a mixture assumes area).")
	List<String> degradation;
	@Option(names = "--noise", defaultValue = "0.01", description = "blur-noise: each patch's noise level is drawn from [0, N].")
	double noise;
	@Option(names = "--padding", paramLabel = "zeros|reflect", description = "What the network sees beyond the image border (default: reflect for a new model, the base's with --from).")
	String padding;
	@Option(names = "--checkpoint-every", defaultValue = "500")
	int checkpointEvery;
	@Option(names = "--validate-every", defaultValue = "500")
	int validateEvery;
	@Option(names = "--cache-mb", defaultValue = "0", paramLabel = "MB", description = "Memory for decoded training images; more are read again from their files when drawn (0: half of the "
		+ "Java heap).")
	long cacheMb;

	@Option(names = "--val-crop", defaultValue = ""
		+ TrainingRequest.VALIDATION_CROP, description = "Validate on centred crops of at most N x N pixels.")
	int valCrop;
	@Option(names = "--freeze-encoder", description = "Train the decoder only.")
	boolean freezeEncoder;
	@Option(names = "--average-decay", defaultValue = "0", paramLabel = "D", description = "Ship an exponential moving average of the weights with this decay, e.g. 0.999 (0: off, as the reference).")
	double averageDecay;
	@Option(names = "--resume", description = "Continue from OUTPUT.ckpt.")
	boolean resume;
	@Option(names = "--overwrite", description = "Replace an existing output model.")
	boolean overwrite;

	@Mixin
	DeviceOptions deviceOptions = new DeviceOptions();

	@Override
	public Integer call() throws Exception {
		PrintWriter err = spec.commandLine().getErr();
		TrainingConfig.Builder recipe = TrainingConfig.builder().patch(patch).scales(scaleMin, scaleMax).anisotropic(anisotropic)
			.samples(samples).batch(batch).learningRate(learningRate).decayEvery(decayEvery).iterations(iterations).seed(seed)
			.degradations(degradation.stream().map(Degradation::parse).toList()).noise(noise).checkpointEvery(checkpointEvery)
			.validateEvery(validateEvery).freezeEncoder(freezeEncoder).averageDecay(averageDecay);
		TrainingConfig config = (axialSigma != null ? recipe.axial(axialSigma) : recipe).build();
		if (Files.exists(output) && !overwrite && !resume) {
			throw new FileAlreadyExistsException(output + " exists; use --overwrite to replace it or --resume to continue");
		}
		deviceOptions.applyThreads();
		TrainingRequest request = TrainingRequest.builder(output).training(ImageJSource.files(data)).validation(ImageJSource
			.files(validation == null ? List.of() : validation)).from(from).channels(channels).encoder(encoder).blocks(blocks)
			.features(features).hidden(hidden).globalResidual(GlobalResidual.parse(globalResidual)).padding(padding == null ? null
				: Padding.parse(padding)).config(config).name(name).validationCrop(valCrop).cacheBytes(cacheMb * 1_000_000L)
			.build();
		TrainingRun run = TrainingSetup.prepare(request, err::println);
		// Ctrl-C: the trainer stops at the next iteration and writes its checkpoint before the JVM exits
		try (StopSignal stop = new StopSignal()) {
			new LiifTrainer(run, listener(err, stop, run), Engines.device(deviceOptions.deviceChoice())).train(resume);
		}
		err.println("wrote " + output);
		return 0;
	}

	private static TrainingListener listener(PrintWriter err, StopSignal stop, TrainingRun run) {
		return new TrainingListener() {

			long last;

			@Override
			public void iteration(long iteration, long total, double loss, double rate) {
				long now = System.nanoTime();
				if (now - last < 1_000_000_000L && iteration < total) return;
				last = now;
				err.printf(Locale.ROOT, "\riteration %d/%d  loss %.4f  %.2f it/s  ETA %.0f min   ", iteration, total, loss, rate,
					(total - iteration) / rate / 60);
				err.flush();
			}

			@Override
			public void validated(long iteration, List<EvalRow> rows) {
				err.println();
				ValidationReport.report(run, iteration, rows, Charts::validationChart, err::println);
			}

			@Override
			public boolean isCancelled() { return stop.requested(); }
		};
	}
}
