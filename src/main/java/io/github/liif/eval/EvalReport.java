package io.github.liif.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Evaluation rows as CSV: one line per image and scale, then the means per scale. */
public final class EvalReport {

	private EvalReport() {}

	public static double[] scales(List<EvalRow> rows) {
		double[] scales = rows.stream().mapToDouble(EvalRow::scale).distinct().toArray();
		Arrays.sort(scales);
		return scales;
	}

	public static String csv(List<EvalRow> rows) {
		StringBuilder b = new StringBuilder("image,scale,psnr,psnr_bicubic,gain,ssim,ssim_bicubic\n");
		for (EvalRow r : rows) {
			b.append(String.format(Locale.ROOT, "\"%s\",%s,%.4f,%.4f,%.4f,%.5f,%.5f%n", r.image().replace("\"", "'"), r.scale(), r.psnr(),
				r.psnrBicubic(), r.gain(), r.ssim(), r.ssimBicubic()));
		}
		for (double s : scales(rows)) {
			b.append(String.format(Locale.ROOT, "mean,%s,%.4f,%.4f,%.4f,%.5f,%.5f%n", s, Evaluation.mean(rows, s, EvalRow::psnr), Evaluation
				.mean(rows, s, EvalRow::psnrBicubic), Evaluation.mean(rows, s, EvalRow::gain), Evaluation.mean(rows, s, EvalRow::ssim),
				Evaluation.mean(rows, s, EvalRow::ssimBicubic)));
		}
		return b.toString();
	}
}
