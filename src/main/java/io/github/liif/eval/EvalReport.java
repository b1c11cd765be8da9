package io.github.liif.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Evaluation rows as CSV (one line per image and scale, then the means per scale) and as a text summary. */
public final class EvalReport {

	private EvalReport() {}

	public static double[] scales(List<EvalRow> rows) {
		double[] scales = rows.stream().mapToDouble(EvalRow::scale).distinct().toArray();
		Arrays.sort(scales);
		return scales;
	}

	/** Per-channel biases as one field: "+3.31 -5.80 -1.52". */
	public static String channels(double[] bias) {
		return Arrays.stream(bias).mapToObj(b -> String.format(Locale.ROOT, "%+.2f", b)).collect(Collectors.joining(" "));
	}

	/** One table of several protocols: per protocol (its name in the first column) the rows, then their means. */
	public static String csv(Map<String, List<EvalRow>> byProtocol) {
		StringBuilder b = new StringBuilder("degradation,image,scale,psnr,psnr_bicubic,gain,ssim,ssim_bicubic,bias_worst,"
			+ "bias_bicubic_worst,bias_channels,bias_bicubic_channels\n");
		byProtocol.forEach((protocol, rows) -> csvRows(b, protocol, rows));
		return b.toString();
	}

	private static void csvRows(StringBuilder b, String protocol, List<EvalRow> rows) {
		for (EvalRow r : rows) {
			b.append(protocol).append(',');
			b.append(String.format(Locale.ROOT, "\"%s\",%s,%.4f,%.4f,%.4f,%.5f,%.5f,%.3f,%.3f,%s,%s%n", r.image().replace("\"",
				"'"), r.scale(), r.psnr(), r.psnrBicubic(), r.gain(), r.ssim(), r.ssimBicubic(), r.worstBias(), r
					.worstBiasBicubic(), channels(r.bias()), channels(r.biasBicubic())));
		}
		for (double s : scales(rows)) {
			double[] bias = Evaluation.meanPerChannel(rows, s, EvalRow::bias);
			double[] biasBicubic = Evaluation.meanPerChannel(rows, s, EvalRow::biasBicubic);
			b.append(protocol).append(',');
			b.append(String.format(Locale.ROOT, "mean,%s,%.4f,%.4f,%.4f,%.5f,%.5f,%.3f,%.3f,%s,%s%n", s, Evaluation.mean(rows, s,
				EvalRow::psnr), Evaluation.mean(rows, s, EvalRow::psnrBicubic), Evaluation.mean(rows, s, EvalRow::gain),
				Evaluation.mean(rows, s, EvalRow::ssim), Evaluation.mean(rows, s, EvalRow::ssimBicubic), EvalRow.worst(bias),
				EvalRow.worst(biasBicubic), channels(bias), channels(biasBicubic)));
		}
	}

	/** Reduce-and-restore along Z: per volume and scale the three PSNRs and worst-channel biases, then the means. */
	public static String csvAlongZ(Map<String, List<AxialEvaluation.Row>> byProtocol) {
		StringBuilder b = new StringBuilder("degradation,volume,scale,psnr,psnr_linear,psnr_cubic,bias,bias_linear,bias_cubic\n");
		byProtocol.forEach((protocol, rows) -> csvRowsAlongZ(b, protocol, rows));
		return b.toString();
	}

	private static void csvRowsAlongZ(StringBuilder b, String protocol, List<AxialEvaluation.Row> rows) {
		for (AxialEvaluation.Row r : rows) {
			b.append(protocol).append(',');
			b.append(String.format(Locale.ROOT, "\"%s\",%s,%.4f,%.4f,%.4f,%.3f,%.3f,%.3f%n", r.volume().replace("\"", "'"), r
				.scale(), r.psnr(), r.psnrLinear(), r.psnrCubic(), r.bias(), r.biasLinear(), r.biasCubic()));
		}
		for (double s : rows.stream().mapToDouble(AxialEvaluation.Row::scale).distinct().sorted().toArray()) {
			b.append(protocol).append(',');
			b.append(String.format(Locale.ROOT, "mean,%s,%.4f,%.4f,%.4f,,,%n", s, AxialEvaluation.mean(rows, s,
				AxialEvaluation.Row::psnr), AxialEvaluation.mean(rows, s, AxialEvaluation.Row::psnrLinear), AxialEvaluation.mean(
					rows, s, AxialEvaluation.Row::psnrCubic)));
		}
	}

	/** The lines that say where the model loses to bicubic, one per image and scale; empty if nowhere. */
	public static List<String> losses(List<EvalRow> rows) {
		return rows.stream().filter(r -> !(r.gain() > 0)).map(r -> String.format(Locale.ROOT,
			"loses to bicubic: %s at x%s (%+.2f dB, bias %s)", r.image(), scaleName(r.scale()), r.gain(), channels(r.bias())))
			.toList();
	}

	public static String scaleName(double s) {
		return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
	}
}
