package io.github.liif.app;

import io.github.liif.eval.EvalRow;
import io.github.liif.eval.Evaluation;
import io.github.liif.train.LiifTrainer;
import io.github.liif.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** What the training front ends report after each validation: one line, and the chart redrawn. */
public final class ValidationReport {

	private ValidationReport() {}

	/** Draws the validation chart from the run's validation log (CSV) into an image file. */
	@FunctionalInterface
	public interface Chart {
		void draw(Path csv, Path png) throws IOException;
	}

	public static void report(TrainingRun run, long iteration, List<EvalRow> rows, Chart chart, Consumer<String> log) {
		StringBuilder b = new StringBuilder("validation at " + iteration + ":");
		for (double s : LiifTrainer.VALIDATION_SCALES) {
			b.append(String.format(Locale.ROOT, "  x%d %.2f dB (bicubic %.2f)", (int) s, Evaluation.mean(rows, s, EvalRow::psnr),
				Evaluation.mean(rows, s, EvalRow::psnrBicubic)));
		}
		log.accept(b.toString());
		try {
			chart.draw(run.validationLog(), run.validationChart());
		}
		catch (IOException | RuntimeException e) {
			log.accept("no validation chart: " + e.getMessage());
		}
	}
}
