package io.github.liif.spark;

import io.github.liif.runtime.DeviceChoice;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Runs a Spark upscale (files, or one image into OME-Zarr) and prints its summary. */
public final class SparkUpscale {

	/** Everything the command line asked for. */
	public record Request(String master, List<String> inputs, String output, String format, boolean zarr, int chunk,
		int blockChunks, String model, boolean modelIsFile, DeviceChoice device, UpscaleOptions options, TargetSize size,
		boolean float32, boolean overwrite) {}

	private SparkUpscale() {}

	/** @return whether every file (or block) succeeded */
	public static boolean run(Request r, PrintWriter out) throws IOException {
		SparkConf conf = new SparkConf().setAppName("LIIF upscale");
		if (r.master() != null) conf.setMaster(r.master());
		else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
		if (conf.get("spark.master").startsWith("local")) {
			conf.setIfMissing("spark.driver.host", "127.0.0.1");
			conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
			conf.setIfMissing("spark.ui.enabled", "false");
		}
		try (JavaSparkContext sc = new JavaSparkContext(conf)) {
			String model = r.model();
			if (r.modelIsFile()) {
				sc.addFile(r.model());
				model = JobSettings.SHIPPED + new org.apache.hadoop.fs.Path(r.model()).getName();
			}
			JobSettings settings = new JobSettings(model, r.device(), r.options(), r.size(), r.float32(), r.overwrite());
			List<Outcome> outcomes = r.zarr()
				? TiledImageJob.run(sc, r.inputs().get(0), r.output(), settings, r.chunk(), r.blockChunks())
				: FileBatchJob.run(sc, r.inputs(), r.output(), r.format(), settings);
			return report(outcomes, r.zarr() ? "blocks" : "images", out);
		}
	}

	static boolean report(List<Outcome> outcomes, String unit, PrintWriter out) {
		long done = outcomes.stream().filter(o -> o.status() == Outcome.Status.DONE).count();
		long skipped = outcomes.stream().filter(o -> o.status() == Outcome.Status.SKIPPED).count();
		List<Outcome> failed = outcomes.stream().filter(o -> o.status() == Outcome.Status.FAILED).toList();
		double seconds = outcomes.stream().mapToDouble(Outcome::seconds).sum();
		out.printf(Locale.ROOT, "%d %s: %d upscaled, %d skipped (already done), %d failed; %.1f task-seconds%n",
			outcomes.size(), unit, done, skipped, failed.size(), seconds);
		for (Outcome f : failed) out.println("FAILED " + f.item() + ": " + f.message());
		out.flush();
		return failed.isEmpty();
	}
}
