package io.github.liif.train;

import io.github.liif.eval.EvalRow;
import java.nio.file.Path;
import java.util.List;

/** What a training run reports; also its cancellation switch. */
public interface TrainingListener {

	/** After every iteration. */
	default void iteration(long iteration, long total, double loss, double iterationsPerSecond) {}

	/** After each validation. */
	default void validated(long iteration, List<EvalRow> rows) {}

	/** After a checkpoint was written. */
	default void checkpointed(long iteration, Path file) {}

	/** Polled between iterations; true stops after writing a checkpoint. */
	default boolean isCancelled() { return false; }
}
