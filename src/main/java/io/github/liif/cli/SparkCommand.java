package io.github.liif.cli;

import io.github.liif.spark.SparkUpscale;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code liif spark}: the upscale on a Spark cluster (spark-submit) or in local mode. Spark's
 * classes are only touched inside {@link SparkUpscale}, so the rest of the CLI runs without them.
 */
@Command(name = "spark", mixinStandardHelpOptions = true, description = {
	"Upscale many images, or one huge image into OME-Zarr, with Apache Spark.",
	"Inputs and outputs may be local paths or Hadoop URIs (hdfs://, s3a://, file://). Existing outputs are skipped, so a "
		+ "rerun finishes an interrupted job; failed files are listed at the end and the exit code is 1." })
final class SparkCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	UpscaleSettings settings = new UpscaleSettings();

	@Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[4]; default: spark-submit's, else local[*].")
	String master;

	@Option(names = "--format", paramLabel = "tif|png|jpg", description = "Output format (default: the input's).")
	String format;

	@Option(names = "--zarr", description = "One image: write the result as chunked OME-Zarr at OUTPUT, upscaled in blocks across the cluster.")
	boolean zarr;

	@Option(names = "--chunk", defaultValue = ""
		+ SparkUpscale.Request.CHUNK, paramLabel = "N", description = "OME-Zarr chunk edge in output pixels. Default: ${DEFAULT-VALUE}.")
	int chunk;

	@Option(names = "--block-chunks", defaultValue = ""
		+ SparkUpscale.Request.BLOCK_CHUNKS, paramLabel = "N", description = "Chunks per task along each axis (a task writes N x N chunks). Default: ${DEFAULT-VALUE}.")
	int blockChunks;

	@Option(names = { "-o",
		"--output" }, required = true, paramLabel = "OUTPUT", description = "Output folder, or the .zarr with --zarr.")
	String output;

	@Parameters(arity = "1..*", paramLabel = "INPUT", description = "Image files, folders or globs (one image with --zarr).")
	List<String> inputs;

	@Override
	public Integer call() throws Exception {
		SparkUpscale.Request request = SparkUpscale.Request.builder(inputs, output, settings.request()).master(master).format(
			format).zarr(zarr).chunks(chunk, blockChunks).overwrite(settings.overwrite).build();
		try {
			return SparkUpscale.run(request, spec.commandLine().getOut()) ? 0 : LiifCli.FAILED;
		}
		catch (NoClassDefFoundError e) {
			throw new IllegalStateException("Apache Spark is not on the class path: run this through ./liif (which adds "
				+ "target/spark-lib after 'mvn package') or with spark-submit on a cluster");
		}
	}
}
