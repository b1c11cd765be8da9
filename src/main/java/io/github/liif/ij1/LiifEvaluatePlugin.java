package io.github.liif.ij1;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import io.github.liif.app.EvaluationRequest;
import io.github.liif.app.EvaluationService;
import io.github.liif.eval.AxialEvaluation;
import io.github.liif.eval.EvalReport;
import io.github.liif.eval.EvalRow;
import io.github.liif.eval.Evaluation;
import io.github.liif.image.Degradation;
import io.github.liif.imagej.ImageJSource;
import io.github.liif.inference.CancelledException;
import io.github.liif.inference.Consistency;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Plugins › LIIF Evaluate: PSNR/SSIM of a model against bicubic on a folder of
 * high-resolution images, as a results table and a chart of the gain per scale. Macro keys:
 * model, data, scales (comma-separated), degradation, consistency, along_z (Z-stacks: against linear and
 * cubic interpolation along Z).
 */
public class LiifEvaluatePlugin implements PlugIn {

	static final String TITLE = "LIIF Evaluate";

	@Override
	public void run(String arg) {
		GenericDialog gd = new GenericDialog(TITLE);
		gd.addFileField("model", "default", 24);
		gd.addDirectoryField("data", "", 30);
		gd.addStringField("scales", EvaluationRequest.SCALES, 20);
		gd.addChoice("degradation", Degradation.ids(), Degradation.BICUBIC.id());
		gd.addChoice("consistency", Consistency.CHOICES, Consistency.DEFAULT_ID);
		gd.addCheckbox("along_z", false);
		gd.addMessage("along_z: the data are Z-stacks; reduce along Z, restore with the model (XZ and YZ planes),\n"
			+ "with linear and with cubic interpolation along Z, and compare");
		gd.addHelp(Help.EVALUATE);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		String model = gd.getNextString().trim();
		String data = gd.getNextString().trim();
		String scalesText = gd.getNextString();
		String degradation = gd.getNextChoice();
		String consistency = gd.getNextChoice();
		boolean alongZ = gd.getNextBoolean();
		try {
			if (data.isEmpty()) throw new IllegalArgumentException("choose the folder of high-resolution images to evaluate on");
			EvaluationRequest request = EvaluationRequest.builder(ImageJSource.files(List.of(Path.of(data)))).model(model).scales(
				EvaluationRequest.parseScales(scalesText)).degradation(Degradation.parse(degradation)).consistency(Consistency
					.parse(consistency)).build();
			if (alongZ) {
				showAlongZ(EvaluationService.alongZ(request, new ImageJMonitor(TITLE)).get(0));
				return;
			}
			show(EvaluationService.inPlane(request, new ImageJMonitor(TITLE), IJ::log).get(0));
		}
		catch (CancelledException e) {
			IJ.showStatus(TITLE + ": cancelled");
		}
		catch (Exception | OutOfMemoryError e) {
			LiifUpscalePlugin.fail(TITLE, e.getMessage() == null ? e.toString() : e.getMessage());
		}
		finally {
			IJ.showProgress(1.0);
		}
	}

	private static void showAlongZ(EvaluationService.AxialResult result) {
		ResultsTable table = ResultsTable.getResultsTable();
		table.reset();
		for (AxialEvaluation.Row r : result.rows()) {
			table.incrementCounter();
			table.addValue("volume", r.volume());
			table.addValue("scale", r.scale());
			table.addValue("PSNR", r.psnr());
			table.addValue("PSNR linear", r.psnrLinear());
			table.addValue("PSNR cubic", r.psnrCubic());
			table.addValue("gain over linear dB", r.gainOverLinear());
			table.addValue("bias", r.bias());
			table.addValue("bias linear", r.biasLinear());
		}
		table.show("Results");
		if (result.rows().isEmpty()) IJ.log(TITLE + ": no volume has enough slices for these scales");
	}

	private static void show(EvaluationService.Result result) {
		// the standard Results table, so that macros can read it with nResults and getResult
		ResultsTable table = ResultsTable.getResultsTable();
		table.reset();
		for (EvalRow r : result.rows()) {
			table.incrementCounter();
			table.addValue("image", r.image());
			table.addValue("scale", r.scale());
			table.addValue("PSNR", r.psnr());
			table.addValue("PSNR bicubic", r.psnrBicubic());
			table.addValue("gain dB", r.gain());
			table.addValue("SSIM", r.ssim());
			table.addValue("SSIM bicubic", r.ssimBicubic());
			table.addValue("bias", r.worstBias());
			table.addValue("bias bicubic", r.worstBiasBicubic());
			table.addValue("bias 8-bit scale", r.onEightBitScale(r.worstBias()));
			table.addValue("bias per channel", EvalReport.channels(r.bias()));
		}
		table.show("Results");
		EvalReport.losses(result.rows()).forEach(line -> IJ.log(TITLE + ": " + line));
		double[] scales = EvalReport.scales(result.rows());
		double[] gains = Arrays.stream(scales).map(s -> Evaluation.mean(result.rows(), s, EvalRow::gain)).toArray();
		Plot plot = new Plot("LIIF " + result.model() + " vs bicubic", "scale", "mean PSNR gain (dB)");
		plot.addPoints(scales, gains, Plot.CONNECTED_CIRCLES);
		plot.show();
	}
}
