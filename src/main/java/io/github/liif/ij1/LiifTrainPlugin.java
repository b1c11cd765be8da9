package io.github.liif.ij1;

import ij.IJ;
import ij.ImagePlus;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import io.github.liif.app.ImageSource;
import io.github.liif.app.TrainingRequest;
import io.github.liif.app.TrainingSetup;
import io.github.liif.app.ValidationReport;
import io.github.liif.eval.EvalRow;
import io.github.liif.image.Degradation;
import io.github.liif.imagej.Charts;
import io.github.liif.imagej.ImageJSource;
import io.github.liif.inference.CancelledException;
import io.github.liif.model.GlobalResidual;
import io.github.liif.runtime.DeviceChoice;
import io.github.liif.runtime.Engines;
import io.github.liif.train.LiifTrainer;
import io.github.liif.train.TrainingConfig;
import io.github.liif.train.TrainingListener;
import io.github.liif.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plugins › LIIF Train: trains or fine-tunes a model on folders of images and/or open images,
 * with the options of {@code liif train}. Macro keys: data, images, validation,
 * validation_images, from, output, iterations, channels, batch,
 * learning_rate, scale_min, scale_max, anisotropic, axial, axial_sigma, degradation, global_residual, freeze_encoder, resume.
 * Esc stops after writing a checkpoint (continue with resume).
 */
public class LiifTrainPlugin implements PlugIn {

	static final String TITLE = "LIIF Train";

	@Override
	public void run(String arg) {
		GenericDialog gd = new GenericDialog(TITLE);
		gd.addDirectoryField("data", Prefs.get("liif.train.data", ""), 30);
		ImagePlus current = WindowManager.getCurrentImage();
		gd.addStringField("images", IJ.isMacro() || current == null ? "" : current.getTitle(), 30);
		gd.addMessage("images: titles of open images to train on, separated by ';' (besides or instead of data)");
		gd.addDirectoryField("validation", Prefs.get("liif.train.validation", ""), 30);
		gd.addStringField("validation_images", "", 30);
		gd.addMessage("no validation: about one training file or image in ten is held out");
		gd.addStringField("from", Prefs.get("liif.train.from", "microscopy"), 20);
		gd.addMessage("from: natural, microscopy, a model file, or empty for a new model");
		gd.addFileField("output", Prefs.get("liif.train.output", ""), 30);
		gd.addNumericField("iterations", TrainingConfig.FINE_TUNE_ITERATIONS, 0);
		gd.addChoice("channels", new String[]{ "auto", "1", "3" }, "auto");
		gd.addNumericField("batch", TrainingConfig.BATCH, 0);
		gd.addNumericField("learning_rate", TrainingConfig.FINE_TUNE_LEARNING_RATE, 6, 10, "");
		gd.addNumericField("scale_min", TrainingConfig.MIN_SCALE, 2);
		gd.addNumericField("scale_max", TrainingConfig.MAX_SCALE, 2);
		gd.addCheckbox("anisotropic", false);
		gd.addCheckbox("axial", false);
		gd.addNumericField("axial_sigma", 0, 2, 6, "HR pixels");
		gd.addMessage(
			"axial: train a model for Z (scale_z) from XY planes: blur by axial_sigma along one axis, reduce that axis only");
		gd.addChoice("degradation", Degradation.ids(), Degradation.BICUBIC.id());
		gd.addChoice("global_residual", new String[]{ "none", "bicubic" }, GlobalResidual.DEFAULT_FOR_NEW_MODELS);
		gd.addCheckbox("freeze_encoder", false);
		gd.addCheckbox("resume", false);
		gd.addHelp(Help.TRAIN);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		String data = gd.getNextString().trim();
		String images = gd.getNextString().trim();
		String validation = gd.getNextString().trim();
		String validationImages = gd.getNextString().trim();
		String from = gd.getNextString().trim();
		String output = gd.getNextString().trim();
		int iterations = (int) gd.getNextNumber();
		String channels = gd.getNextChoice();
		int batch = (int) gd.getNextNumber();
		double lr = gd.getNextNumber();
		double scaleMin = gd.getNextNumber();
		double scaleMax = gd.getNextNumber();
		boolean anisotropic = gd.getNextBoolean();
		boolean axial = gd.getNextBoolean();
		double axialSigma = gd.getNextNumber();
		String degradation = gd.getNextChoice();
		GlobalResidual residual = GlobalResidual.parse(gd.getNextChoice());
		boolean freeze = gd.getNextBoolean();
		boolean resume = gd.getNextBoolean();
		if (!IJ.isMacro()) {
			Prefs.set("liif.train.data", data);
			Prefs.set("liif.train.validation", validation);
			Prefs.set("liif.train.from", from);
			Prefs.set("liif.train.output", output);
		}
		try {
			if (data.isEmpty() && images.isEmpty() || output.isEmpty()) {
				throw new IllegalArgumentException("give a data folder or open images, and an output model file");
			}
			Path out = Path.of(output);
			if (Files.exists(out) && !resume) {
				throw new IllegalArgumentException(output
					+ " exists: choose another output, or tick resume to continue its training");
			}
			TrainingConfig.Builder recipe = TrainingConfig.builder().iterations(iterations).batch(batch).learningRate(lr).scales(
				scaleMin, scaleMax).anisotropic(anisotropic).degradation(Degradation.parse(degradation)).freezeEncoder(freeze);
			TrainingConfig config = (axial ? recipe.axial(axialSigma) : recipe).build();
			TrainingRequest request = TrainingRequest.builder(out).training(sources(data, images)).validation(sources(validation,
				validationImages)).from(from).channels(channels.equals("auto") ? null : Integer.valueOf(channels)).globalResidual(
					residual).config(config).build();
			TrainingRun run = TrainingSetup.prepare(request, IJ::log);
			IJ.resetEscape();
			new LiifTrainer(run, listener(run), Engines.device(DeviceChoice.AUTO)).train(resume);
			IJ.log(TITLE + ": wrote " + output + " (validation log: " + run.validationLog() + ")");
		}
		catch (CancelledException e) {
			IJ.log(TITLE + ": stopped; a checkpoint was written: run again with resume to continue");
		}
		catch (Exception | OutOfMemoryError e) {
			LiifUpscalePlugin.fail(TITLE, e.getMessage() == null ? e.toString() : e.getMessage());
		}
		finally {
			IJ.showProgress(1.0);
		}
	}

	/** The images of a folder (or none) and the open images named by titles separated by ';'. */
	private static List<ImageSource> sources(String folder, String titles) throws IOException {
		List<ImageSource> out = new ArrayList<>(ImageJSource.files(folder.isEmpty() ? List.of() : List.of(Path.of(folder))));
		out.addAll(ImageJSource.open(openImages(titles)));
		return out;
	}

	/** The open images named by titles separated by ';'. */
	static List<ImagePlus> openImages(String titles) {
		List<ImagePlus> out = new ArrayList<>();
		for (String title : titles.split(";")) {
			if (title.isBlank()) continue;
			ImagePlus imp = WindowManager.getImage(title.trim());
			if (imp == null) throw new IllegalArgumentException("no open image is called '" + title.trim() + "'");
			out.add(imp);
		}
		return out;
	}

	private static TrainingListener listener(TrainingRun run) {
		return new TrainingListener() {

			@Override
			public void iteration(long iteration, long total, double loss, double rate) {
				IJ.showProgress((double) iteration / total);
				IJ.showStatus(String.format(Locale.ROOT, "%s: %d/%d, loss %.4f, %.2f it/s, %.0f min left (Esc stops)", TITLE,
					iteration, total, loss, rate, (total - iteration) / rate / 60));
			}

			@Override
			public void validated(long iteration, List<EvalRow> rows) {
				ValidationReport.report(run, iteration, rows, Charts::validationChart, line -> IJ.log(TITLE + " " + line));
			}

			@Override
			public boolean isCancelled() { return IJ.escapePressed(); }
		};
	}
}
