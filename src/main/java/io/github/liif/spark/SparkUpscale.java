package io.github.liif.spark;

import io.github.liif.catalogue.Models;
import io.github.liif.imagej.ImageFiles;
import io.github.liif.runtime.DeviceChoice;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Runs a Spark upscale (files, or one image into OME-Zarr) and prints its summary. */
public final class SparkUpscale {

	/** A Spark upscale as a front end asks for it, built and checked with {@link #builder(List, String, TargetSize)}. */
	public static final class Request {

		/** OME-Zarr chunk edge in output pixels. */
		public static final int CHUNK = 512;
		/** Chunks per task along each axis. */
		public static final int BLOCK_CHUNKS = 2;

		private final Builder b;

		private Request(Builder b) {
			this.b = b.copy(); // later changes to the builder do not reach a built request
		}

		/** Upscale {@code inputs} (files, folders, globs; one image for OME-Zarr) into {@code output} to {@code size}. */
		public static Builder builder(List<String> inputs, String output, TargetSize size) {
			return new Builder(inputs, output, size);
		}

		/** Spark master; null: spark-submit's, else local[*]. */
		public String master() {
			return b.master;
		}

		public List<String> inputs() {
			return b.inputs;
		}

		public String output() {
			return b.output;
		}

		/** Output format of a file batch; null: each input's. */
		public String format() {
			return b.format;
		}

		/** One image into chunked OME-Zarr instead of a batch of files. */
		public boolean zarr() {
			return b.zarr;
		}

		public int chunk() {
			return b.chunk;
		}

		public int blockChunks() {
			return b.blockChunks;
		}

		/** A catalogue name or a model file (shipped to the executors). */
		public String model() {
			return b.model;
		}

		public boolean modelIsFile() {
			return Models.isFile(b.model);
		}

		public DeviceChoice device() {
			return b.device;
		}

		public UpscaleOptions options() {
			return b.options;
		}

		public TargetSize size() {
			return b.size;
		}

		public boolean float32() {
			return b.float32;
		}

		public boolean overwrite() {
			return b.overwrite;
		}

		/** Builds a {@link Request}; unset fields keep their defaults, {@link #build()} checks them together. */
		public static final class Builder {

			private final List<String> inputs;
			private final String output;
			private final TargetSize size;
			private String master;
			private String format;
			private boolean zarr;
			private int chunk = CHUNK;
			private int blockChunks = BLOCK_CHUNKS;
			private String model = Models.DEFAULT;
			private DeviceChoice device = DeviceChoice.AUTO;
			private UpscaleOptions options = UpscaleOptions.DEFAULT;
			private boolean float32;
			private boolean overwrite;

			private Builder(List<String> inputs, String output, TargetSize size) {
				this.inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
				this.output = Objects.requireNonNull(output, "output");
				this.size = Objects.requireNonNull(size, "size");
			}

			public Builder master(String url) {
				master = url;
				return this;
			}

			public Builder format(String extension) {
				if (extension != null && !ImageFiles.EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT))) {
					throw new IllegalArgumentException("--format must be tif, png or jpg, got " + extension);
				}
				format = extension;
				return this;
			}

			public Builder zarr(boolean oneImageIntoZarr) {
				zarr = oneImageIntoZarr;
				return this;
			}

			public Builder chunks(int edge, int perTask) {
				if (edge < 16 || perTask < 1) throw new IllegalArgumentException("--chunk must be >= 16 and --block-chunks >= 1");
				chunk = edge;
				blockChunks = perTask;
				return this;
			}

			public Builder model(String nameOrFile) {
				model = Objects.requireNonNull(nameOrFile, "model");
				return this;
			}

			public Builder device(DeviceChoice choice) {
				device = Objects.requireNonNull(choice, "device");
				return this;
			}

			public Builder options(UpscaleOptions upscale) {
				options = Objects.requireNonNull(upscale, "options");
				return this;
			}

			public Builder float32(boolean always32Bit) {
				float32 = always32Bit;
				return this;
			}

			public Builder overwrite(boolean replace) {
				overwrite = replace;
				return this;
			}

			public Request build() {
				if (inputs.isEmpty()) throw new IllegalArgumentException("give at least one input");
				if (zarr && inputs.size() != 1) throw new IllegalArgumentException("--zarr takes exactly one input image, got " + inputs.size());
				return new Request(this);
			}

			private Builder copy() {
				Builder c = new Builder(inputs, output, size).master(master).zarr(zarr).model(model).device(device).options(options).float32(
					float32).overwrite(overwrite);
				c.format = format;
				c.chunk = chunk;
				c.blockChunks = blockChunks;
				return c;
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
