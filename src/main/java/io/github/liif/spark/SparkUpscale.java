package io.github.liif.spark;

import io.github.liif.app.UpscaleRequest;
import io.github.liif.catalogue.Models;
import io.github.liif.imagej.ImageFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Runs a Spark upscale (files, or one image into OME-Zarr) and prints its summary. */
public final class SparkUpscale {

	/**
	 * A Spark upscale as a front end asks for it, built with {@link #builder(List, String, UpscaleRequest)}; checked as a whole here.
	 *
	 * @param master Spark master; null: spark-submit's, else local[*]
	 * @param inputs image files, folders or globs (one image for OME-Zarr)
	 * @param output output folder, or the .zarr
	 * @param format output format of a file batch; null: each input's
	 * @param zarr one image into chunked OME-Zarr instead of a batch of files
	 * @param chunk OME-Zarr chunk edge in output pixels
	 * @param blockChunks chunks per task along each axis
	 * @param upscale what every image (or block) gets; its model, a catalogue name or a model file,
	 *          is shipped to the executors
	 * @param overwrite recompute outputs that exist (otherwise they are skipped: reruns resume)
	 */
	public record Request(String master, List<String> inputs, String output, String format, boolean zarr, int chunk,
		int blockChunks, UpscaleRequest upscale, boolean overwrite)
	{

		/** OME-Zarr chunk edge in output pixels. */
		public static final int CHUNK = 512;
		/** Chunks per task along each axis. */
		public static final int BLOCK_CHUNKS = 2;

		public Request {
			inputs = List.copyOf(inputs);
			Objects.requireNonNull(output, "output");
			Objects.requireNonNull(upscale, "upscale");
			if (!upscale.z().isNone()) {
				throw new IllegalArgumentException(
					"--scale-z runs with 'liif upscale' (each Z-stack on one machine); Spark jobs scale XY");
			}
			if (format != null && !ImageFiles.EXTENSIONS.contains(format.toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException("--format must be tif, png or jpg, got " + format);
			}
			if (chunk < 16 || blockChunks < 1)
				throw new IllegalArgumentException("--chunk must be >= 16 and --block-chunks >= 1");
			if (inputs.isEmpty()) throw new IllegalArgumentException("give at least one input");
			if (zarr && inputs.size() != 1)
				throw new IllegalArgumentException("--zarr takes exactly one input image, got " + inputs.size());
		}

		/** Upscale {@code inputs} into {@code output} as {@code upscale} says. */
		public static Builder builder(List<String> inputs, String output, UpscaleRequest upscale) {
			return new Builder(inputs, output, upscale);
		}

		public boolean modelIsFile() {
			return Models.isFile(upscale.model());
		}

		/** Builds a {@link Request}; unset fields keep their defaults. */
		public static final class Builder {

			private final List<String> inputs;
			private final String output;
			private final UpscaleRequest upscale;
			private String master;
			private String format;
			private boolean zarr;
			private int chunk = CHUNK;
			private int blockChunks = BLOCK_CHUNKS;
			private boolean overwrite;

			private Builder(List<String> inputs, String output, UpscaleRequest upscale) {
				this.inputs = inputs;
				this.output = Objects.requireNonNull(output, "output");
				this.upscale = Objects.requireNonNull(upscale, "upscale");
			}

			public Builder master(String url) {
				master = url;
				return this;
			}

			public Builder format(String extension) {
				format = extension;
				return this;
			}

			public Builder zarr(boolean oneImageIntoZarr) {
				zarr = oneImageIntoZarr;
				return this;
			}

			public Builder chunks(int edge, int perTask) {
				chunk = edge;
				blockChunks = perTask;
				return this;
			}

			public Builder overwrite(boolean replace) {
				overwrite = replace;
				return this;
			}

			public Request build() {
				return new Request(master, inputs, output, format, zarr, chunk, blockChunks, upscale, overwrite);
			}
		}
	}

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
			UpscaleRequest upscale = r.upscale();
			if (r.modelIsFile()) {
				sc.addFile(upscale.model());
				upscale = upscale.withModel(JobSettings.SHIPPED + new Path(upscale.model()).getName());
			}
			JobSettings settings = new JobSettings(upscale, r.overwrite());
			List<Outcome> outcomes = r.zarr() ? TiledImageJob.run(sc, r.inputs().get(0), r.output(), settings, r.chunk(), r
				.blockChunks()) : FileBatchJob.run(sc, r.inputs(), r.output(), r.format(), settings);
			return report(outcomes, r.zarr() ? "blocks" : "images", out);
		}
	}

	static boolean report(List<Outcome> outcomes, String unit, PrintWriter out) {
		long done = outcomes.stream().filter(o -> o.status() == Outcome.Status.DONE).count();
		long skipped = outcomes.stream().filter(o -> o.status() == Outcome.Status.SKIPPED).count();
		List<Outcome> failed = outcomes.stream().filter(o -> o.status() == Outcome.Status.FAILED).toList();
		double seconds = outcomes.stream().mapToDouble(Outcome::seconds).sum();
		out.printf(Locale.ROOT, "%d %s: %d upscaled, %d skipped (already done), %d failed; %.1f task-seconds%n", outcomes.size(),
			unit, done, skipped, failed.size(), seconds);
		for (Outcome f : failed) out.println("FAILED " + f.item() + ": " + f.message());
		out.flush();
		return failed.isEmpty();
	}
}
