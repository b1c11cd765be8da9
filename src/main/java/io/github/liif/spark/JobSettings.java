package io.github.liif.spark;

import io.github.liif.runtime.DeviceChoice;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import java.io.Serializable;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;

/**
 * What every task of a job needs, shipped to the executors with it.
 *
 * @param model "default", a bundled name, or {@link #SHIPPED} + the name of a file added to
 *          the job with SparkContext.addFile (so executors need no shared file system for it)
 * @param overwrite recompute outputs that exist (otherwise they are skipped: reruns resume)
 */
public record JobSettings(String model, DeviceChoice device, UpscaleOptions options, TargetSize size, boolean float32,
	boolean overwrite) implements Serializable
{

	public static final String SHIPPED = "spark-file:";

	/** The model as ModelCache understands it, on an executor. */
	String localModel() {
		return model.startsWith(SHIPPED) ? SparkFiles.get(model.substring(SHIPPED.length())) : model;
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
