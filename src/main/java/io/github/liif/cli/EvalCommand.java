package io.github.liif.cli;

import io.github.liif.app.EvaluationRequest;
import io.github.liif.app.EvaluationService;
import io.github.liif.eval.AxialEvaluation;
import io.github.liif.eval.EvalReport;
import io.github.liif.eval.EvalRow;
import io.github.liif.eval.Evaluation;
import io.github.liif.image.Degradation;
import io.github.liif.imagej.Charts;
import io.github.liif.imagej.ImageJSource;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Consistency;
import io.github.liif.io.AtomicFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code liif eval}: PSNR/SSIM of a model against bicubic on high-resolution images. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false, description = "Degrade high-resolution images, upscale them with the model and with bicubic, and score both "
	+ "(PSNR on luma for RGB, BT.601; border of ceil(scale) shaved; SSIM).")
final class EvalCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	ModelOptions modelOptions = new ModelOptions();

	@Mixin
	DeviceOptions deviceOptions = new DeviceOptions();

	@Option(names = "--data", required = true, arity = "1..*", paramLabel = "DIR", description = "High-resolution images (folders or files).")
	List<Path> data;

	@Option(names = "--scales", defaultValue = EvaluationRequest.SCALES, split = ",", paramLabel = "S,S,...", description = "Scales. Default: ${DEFAULT-VALUE}.")
	double[] scales;

	@Option(names = "--degradation", defaultValue = "bicubic", split = ",", paramLabel = "D[,D...]", description = "How the "
		+ "high-resolution images are reduced: bicubic (the papers' protocol), area (camera binning: the mean of each block; along "
		+ "Z: slices averaged), blur-noise (a Gaussian PSF of half a low-resolution pixel, binning, then Poisson-Gaussian noise); "
		+ "several, comma-separated, are scored one after another in one run. Default: ${DEFAULT-VALUE}.")
	List<String> degradations;

	@Option(names = "--noise", defaultValue = ""
		+ EvaluationRequest.NOISE, description = "blur-noise: read-noise sigma and shot-noise gain, in [0, 1] units (variance = "
			+ "N * value + N^2). Default: ${DEFAULT-VALUE}.")
	double noise;

	@Option(names = "--seed", defaultValue = "1", description = "blur-noise: the noise's seed (with each image's name and scale: "
		+ "the same noise in every run). Default: ${DEFAULT-VALUE}.")
	long seed;

	@Option(names = "--axial-sigma", defaultValue = "0", paramLabel = "SLICES", description = "With --along-z: an axial PSF, a "
		+ "Gaussian of this many high-resolution slices, before the reduction (e.g. --degradation bicubic --axial-sigma 1.5: PSF "
		+ "then subsampling; with area: a thicker optical section). Default: ${DEFAULT-VALUE} (none).")
	double axialSigma;

	@Option(names = "--consistency", defaultValue = Consistency.DEFAULT_ID, paramLabel = "auto|off|bicubic|area|blur-noise[:STEPS]", description = "The back-projection step after the network, as in upscale (off: the model alone). Default: ${DEFAULT-VALUE}.")
	String consistency;

	@Option(names = "--along-z", description = "Z-stacks: reduce along Z, restore with the model (on XZ and YZ planes), with linear "
		+ "and with cubic interpolation along Z, and score all three (ceil(scale) slices shaved at each end).")
	boolean alongZ;

	@Option(names = "--z-planes", defaultValue = "both", paramLabel = "both|xz|yz", description = "With --along-z: the XZ and YZ estimates averaged, or one family. Default: ${DEFAULT-VALUE}.")
	String zPlanes;

	@Option(names = "--ensemble", defaultValue = "1", paramLabel = "1|8", description = "As in upscale: 8 scores the "
		+ "self-ensemble (the mean of the predictions on the 8 flips and rotations). Default: ${DEFAULT-VALUE}.")
	int ensemble;

	@Option(names = "--no-ssim", description = "Skip SSIM (faster).")
	boolean noSsim;

	@Option(names = "--csv", paramLabel = "FILE", description = "Per-image and mean results as CSV.")
	Path csv;

	@Option(names = "--chart", paramLabel = "FILE.png", description = "Chart of the mean gain over bicubic vs scale.")
	Path chart;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		deviceOptions.applyThreads();
		EvaluationRequest request = EvaluationRequest.builder(ImageJSource.files(data)).model(modelOptions.model).scales(scales)
			.degradations(degradations.stream().map(Degradation::parse).toList()).noise(noise).seed(seed).axialSigma(axialSigma)
			.ssim(!noSsim).ensemble(ensemble).consistency(Consistency.parse(consistency)).zPlanes(AxialUpscaler.Planes.parse(
				zPlanes)).device(deviceOptions.deviceChoice()).build();
		try (StopSignal stop = new StopSignal()) {
			if (alongZ) {
				List<EvaluationService.AxialResult> results = EvaluationService.alongZ(request, new ConsoleProgress(err,
					"evaluating along Z", stop));
				Map<String, List<AxialEvaluation.Row>> byProtocol = new LinkedHashMap<>();
				for (EvaluationService.AxialResult r : results) {
					reportAlongZ(r, out);
					byProtocol.put(protocolName(r.degradation()), r.rows());
				}
				if (csv != null) AtomicFiles.write(csv, true, EvalReport.csvAlongZ(byProtocol).getBytes(StandardCharsets.UTF_8));
				return 0;
			}
			List<EvaluationService.Result> results = EvaluationService.inPlane(request, new ConsoleProgress(err, "evaluating",
				stop), w -> err.println("warning: " + w));
			Map<String, List<EvalRow>> byProtocol = new LinkedHashMap<>();
			double[][] gains = new double[results.size()][];
			for (int i = 0; i < results.size(); i++) {
				gains[i] = report(results.get(i), out);
				byProtocol.put(protocolName(results.get(i).degradation()), results.get(i).rows());
			}
			if (csv != null) AtomicFiles.write(csv, true, EvalReport.csv(byProtocol).getBytes(StandardCharsets.UTF_8));
			if (chart != null) {
				Charts.save(chart, "LIIF " + results.get(0).model() + " vs bicubic", "scale", "mean PSNR gain (dB)", scales,
					byProtocol.keySet().toArray(String[]::new), gains);
			}
		}
		return 0;
	}

	/** A degradation as the results name it: blur-noise with its noise and seed. */
	private String protocolName(Degradation d) {
		return d == Degradation.BLUR_NOISE ? String.format(Locale.ROOT, "blur-noise(noise %s seed %d)", noise, seed) : d.id();
	}

	/** The reduction along Z as the results name it: with its axial PSF. */
	private String axialName(Degradation d) {
		return protocolName(d) + (axialSigma > 0 ? String.format(Locale.ROOT, " after an axial PSF of sigma %s slices",
			axialSigma) : "");
	}

	private void reportAlongZ(EvaluationService.AxialResult result, PrintWriter out) {
		List<AxialEvaluation.Row> rows = result.rows();
		out.printf(Locale.ROOT, "along Z, %s (%s planes), %d volumes, reduced by %s%n", result.model(), zPlanes, result.volumes(),
			axialName(result.degradation()));
		out.printf(Locale.ROOT, "%-24s %-7s %9s %9s %9s %9s %9s  %s%n", "volume", "scale", "LIIF", "linear", "cubic", "vs lin",
			"vs cub", "bias LIIF / linear / cubic (levels)");
		for (AxialEvaluation.Row r : rows) {
			out.printf(Locale.ROOT, "%-24s x%-6s %9.2f %9.2f %9.2f %+9.2f %+9.2f  %+.2f / %+.2f / %+.2f%n", r.volume(), EvalReport
				.scaleName(r.scale()), r.psnr(), r.psnrLinear(), r.psnrCubic(), r.gainOverLinear(), r.gainOverCubic(), r.bias(), r
					.biasLinear(), r.biasCubic());
		}
		for (double s : scales) {
			if (rows.stream().noneMatch(r -> r.scale() == s)) {
				out.printf(Locale.ROOT, "x%s: no volume has enough slices%n", EvalReport.scaleName(s));
				continue;
			}
			out.printf(Locale.ROOT, "mean x%-6s %9.2f %9.2f %9.2f %+9.2f %+9.2f%n", EvalReport.scaleName(s), AxialEvaluation.mean(
				rows, s, AxialEvaluation.Row::psnr), AxialEvaluation.mean(rows, s, AxialEvaluation.Row::psnrLinear),
				AxialEvaluation.mean(rows, s, AxialEvaluation.Row::psnrCubic), AxialEvaluation.mean(rows, s,
					AxialEvaluation.Row::gainOverLinear), AxialEvaluation.mean(rows, s, AxialEvaluation.Row::gainOverCubic));
		}
		rows.stream().min(Comparator.comparingDouble(AxialEvaluation.Row::gainOverLinear)).ifPresent(r -> out.printf(Locale.ROOT,
			"worst volume: %s at x%s (%+.2f dB over linear)%n", r.volume(), EvalReport.scaleName(r.scale()), r.gainOverLinear()));
	}

	/** Prints one degradation's results; returns its mean gain per scale. */
	private double[] report(EvaluationService.Result result, PrintWriter out) {
		List<EvalRow> rows = result.rows();
		out.printf(Locale.ROOT, "%s, %d images, reduced by %s%n", result.model(), result.images(), protocolName(result
			.degradation()));
		out.printf(Locale.ROOT, "%-8s %10s %10s %8s %8s %8s %8s  %s%n", "scale", "PSNR", "bicubic", "gain", "worst", "SSIM",
			"bicubic", "bias per channel (mean error in levels; bicubic's)");
		double[] gains = new double[scales.length];
		for (int i = 0; i < scales.length; i++) {
			double s = scales[i];
			gains[i] = Evaluation.mean(rows, s, EvalRow::gain);
			EvalRow worst = Evaluation.worst(rows, s);
			out.printf(Locale.ROOT, "x%-7s %10.2f %10.2f %+8.2f %+8.2f %8.4f %8.4f  %s (%s)  worst: %s%n", EvalReport.scaleName(
				s), Evaluation.mean(rows, s, EvalRow::psnr), Evaluation.mean(rows, s, EvalRow::psnrBicubic), gains[i],
				worst == null ? Double.NaN : worst.gain(), Evaluation.mean(rows, s, EvalRow::ssim), Evaluation.mean(rows, s,
					EvalRow::ssimBicubic), EvalReport.channels(Evaluation.meanPerChannel(rows, s, EvalRow::bias)), EvalReport
						.channels(Evaluation.meanPerChannel(rows, s, EvalRow::biasBicubic)), worst == null ? "-" : worst.image());
		}
		long wins = rows.stream().filter(r -> r.gain() > 0).count();
		out.printf(Locale.ROOT, "model beats bicubic on %d of %d image-scale pairs (%d images)%n", wins, rows.size(), result
			.images());
		EvalReport.losses(rows).forEach(out::println);
		rows.stream().max(Comparator.comparingDouble(r -> Math.abs(r.worstBias()))).ifPresent(r -> out.printf(Locale.ROOT,
			"largest bias: %+.2f levels%s (%s at x%s; bicubic there %+.2f)%n", r.worstBias(), r.levels() == 255 ? "" : String
				.format(Locale.ROOT, " of %.0f, %+.3f on an 8-bit scale", r.levels(), r.onEightBitScale(r.worstBias())), r
					.image(), EvalReport.scaleName(r.scale()), r.worstBiasBicubic()));
		return gains;
	}
}
