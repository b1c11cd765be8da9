package io.github.liif.imagej;

import io.github.liif.eval.EvalRow;
import io.github.liif.eval.Evaluation;
import io.github.liif.train.LiifTrainer;
import io.github.liif.train.TrainingRun;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** What the training front ends report after each validation: one line, and the chart redrawn. */
public final class ValidationReport {

	private ValidationReport() {}

	public static void report(TrainingRun run, long iteration, List<EvalRow> rows, Consumer<String> log) {
		StringBuilder b = new StringBuilder("validation at " + iteration + ":");
		for (double s : LiifTrainer.VALIDATION_SCALES) {
			b.append(String.format(Locale.ROOT, "  x%d %.2f dB (bicubic %.2f)", (int) s, Evaluation.mean(rows, s, EvalRow::psnr), Evaluation
				.mean(rows, s, EvalRow::psnrBicubic)));
		}
		log.accept(b.toString());
		try {
			Charts.validationChart(run.validationLog(), run.validationChart());
		}
		catch (IOException | RuntimeException e) {
			log.accept("no validation chart: " + e.getMessage());
		}
	}
}
