package io.github.liif.spark;

import io.github.liif.app.UpscaleRequest;
import io.github.liif.inference.Monitor;
import java.io.Serializable;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;

/**
 * What every task of a job needs, shipped to the executors with it.
 *
 * @param request the upscale; its model is "default", a bundled name, or {@link #SHIPPED} + the
 *          name of a file added to the job with SparkContext.addFile (so executors need no shared
 *          file system for it)
 * @param overwrite recompute outputs that exist (otherwise they are skipped: reruns resume)
 */
public record JobSettings(UpscaleRequest request, boolean overwrite) implements Serializable {

	public static final String SHIPPED = "spark-file:";

	/** The request as this executor runs it: a shipped model file by its local path. */
	UpscaleRequest local() {
		String model = request.model();
		return model.startsWith(SHIPPED) ? request.withModel(SparkFiles.get(model.substring(SHIPPED.length()))) : request;
	}

	/** A monitor that cancels when Spark kills the task (job cancelled in the UI, speculative copy lost). */
	static Monitor taskMonitor() {
		return new Monitor() {

			@Override
			public void progress(long done, long total) {}

			@Override
			public boolean isCancelled() {
				TaskContext task = TaskContext.get();
				return task != null && task.isInterrupted();
			}
		};
	}
}
