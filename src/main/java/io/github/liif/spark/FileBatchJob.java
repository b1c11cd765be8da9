package io.github.liif.spark;

import io.github.liif.app.UpscaleService;
import io.github.liif.imagej.ImageFiles;
import io.github.liif.imagej.ImageJFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Upscales many image files across a cluster, one task per file, each exactly as
 * {@code liif upscale} does it (same code, same pixels). Outputs that exist are skipped, so a
 * rerun finishes what a failed or stopped run left; a file that fails is reported in the
 * outcomes and the others go on.
 */
public final class FileBatchJob {

	private FileBatchJob() {}

	/**
	 * @param inputs files, folders or globs, local paths or Hadoop URIs
	 * @param outputRoot the folder for the results (same names; {@code format} replaces the extension when given)
	 */
	public static List<Outcome> run(JavaSparkContext sc, List<String> inputs, String outputRoot, String format,
		JobSettings settings) throws IOException
	{
		Configuration conf = sc.hadoopConfiguration();
		List<Tuple2<String, String>> jobs = plan(HadoopPaths.expand(inputs, conf), outputRoot, format);
		Path root = new Path(outputRoot);
		HadoopPaths.fileSystem(root, conf).mkdirs(root);
		LongAccumulator done = sc.sc().longAccumulator("LIIF images upscaled");
		LongAccumulator skipped = sc.sc().longAccumulator("LIIF images skipped (already done)");
		LongAccumulator failed = sc.sc().longAccumulator("LIIF images failed");
		sc.setJobDescription("LIIF upscale of " + jobs.size() + " images to " + outputRoot);
		return sc.parallelize(jobs, Math.max(1, jobs.size())).mapPartitions(new FileTasks(settings, HadoopConf.of(conf), done,
			skipped, failed)).collect();
	}

	static List<Tuple2<String, String>> plan(List<String> files, String outputRoot, String format) throws IOException {
		if (files.isEmpty()) throw new IOException("no images (.tif, .png, .jpg, .gif, .bmp) found in the inputs");
		Map<String, String> byName = new HashMap<>();
		List<Tuple2<String, String>> jobs = new ArrayList<>();
		for (String in : files) {
			String name = ImageFiles.resultName(java.nio.file.Path.of(new Path(in).getName()));
			if (format != null) name = name.substring(0, name.lastIndexOf('.') + 1) + format;
			String previous = byName.put(name, in);
			if (previous != null) {
				throw new IOException("two inputs would both be written as " + name + ": " + previous + " and " + in
					+ "; run them as separate jobs with separate output folders");
			}
			jobs.add(new Tuple2<>(in, new Path(new Path(outputRoot), name).toString()));
		}
		return jobs;
	}

	/** The work of a partition, on an executor. */
	private record FileTasks(JobSettings settings, HadoopConf hadoop, LongAccumulator done, LongAccumulator skipped,
		LongAccumulator failed) implements FlatMapFunction<Iterator<Tuple2<String, String>>, Outcome>
	{

		@Override
		public Iterator<Outcome> call(Iterator<Tuple2<String, String>> files) {
			Configuration conf = hadoop.get();
			ImageJFiles imageFiles = new ImageJFiles();
			List<Outcome> outcomes = new ArrayList<>();
			while (files.hasNext()) {
				Tuple2<String, String> job = files.next();
				Outcome o = upscale(imageFiles, job._1(), job._2(), conf);
				(o.status() == Outcome.Status.DONE ? done : o.status() == Outcome.Status.SKIPPED ? skipped : failed).add(1);
				outcomes.add(o);
			}
			return outcomes.iterator();
		}

		private Outcome upscale(ImageJFiles imageFiles, String in, String out, Configuration conf) {
			long start = System.nanoTime();
			java.nio.file.Path scratch = null;
			try {
				if (!settings.overwrite() && HadoopPaths.exists(out, conf)) {
					return new Outcome(in, Outcome.Status.SKIPPED, out + " exists", 0);
				}
				scratch = Files.createTempDirectory("liif-spark-");
				java.nio.file.Path local = HadoopPaths.stageIn(in, scratch, conf);
				java.nio.file.Path target = HadoopPaths.isLocal(out) ? HadoopPaths.localPath(out) : scratch.resolve("out-"
					+ new Path(out).getName());
				UpscaleService.upscaleFile(settings.local(), local, target, settings.overwrite(), imageFiles, JobSettings
					.taskMonitor());
				if (!HadoopPaths.isLocal(out)) HadoopPaths.publish(target, out, settings.overwrite(), conf);
				return new Outcome(in, Outcome.Status.DONE, out, seconds(start));
			}
			catch (Exception | OutOfMemoryError e) {
				return Outcome.failed(in, e, seconds(start));
			}
			finally {
				deleteQuietly(scratch);
			}
		}
	}

	static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	static void deleteQuietly(java.nio.file.Path dir) {
		if (dir == null) return;
		try (var files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (IOException | UncheckedIOException e) {
			// scratch space only: the OS cleans temporary folders
		}
	}
}
