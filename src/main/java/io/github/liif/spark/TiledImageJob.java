package io.github.liif.spark;

import com.google.gson.JsonObject;
import ij.ImagePlus;
import ij.measure.Calibration;
import io.github.liif.app.PlaneJob;
import io.github.liif.app.UpscaleService;
import io.github.liif.imagej.ImageFiles;
import io.github.liif.imagej.ImagePlusData;
import io.github.liif.inference.OutputRegion;
import io.github.liif.io.ChunkStore;
import io.github.liif.io.OmeZarr;
import io.github.liif.io.SampleType;
import io.github.liif.model.ModelFormatException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * Upscales one large image across a cluster into a chunked OME-Zarr: the output is cut into
 * blocks of whole chunks, each block a task that upscales just its output region (the core's
 * tiling, with halos, over the LR image every executor reads) and writes its own chunks. No
 * machine holds the output; the stitched result equals the single-machine upscale. Blocks whose
 * chunks all exist are skipped, so a rerun completes an interrupted job.
 */
public final class TiledImageJob {

	/** One task: blockSize x blockSize chunks starting at chunk (row, column). */
	record Block(int chunkRow, int chunkColumn) implements Serializable {}

	private TiledImageJob() {}

	/**
	 * @param chunk chunk edge in output pixels
	 * @param blockChunks chunks per block edge (a task's output is (blockChunks * chunk)^2 pixels)
	 */
	public static List<Outcome> run(JavaSparkContext sc, String input, String outputZarr, JobSettings settings, int chunk,
		int blockChunks) throws IOException
	{
		Configuration conf = sc.hadoopConfiguration();
		Prepared.Job driver = prepare(input, settings, conf);
		OmeZarr.Layout layout = layout(driver, chunk);
		ChunkStore store = new HadoopStore(outputZarr, conf);
		if (store.exists("0/.zarray")) {
			OmeZarr.Layout existing = OmeZarr.open(store);
			if (!existing.equals(layout) && !settings.overwrite()) {
				throw new IOException(outputZarr + " holds another image (" + existing
					+ "); choose another output or allow overwriting");
			}
		}
		OmeZarr.create(store, layout, new Path(input).getName(), provenance(input, settings, driver.plane()));
		List<Block> blocks = new ArrayList<>();
		for (int r = 0; r < layout.chunkRows(); r += blockChunks) {
			for (int c = 0; c < layout.chunkColumns(); c += blockChunks) blocks.add(new Block(r, c));
		}
		sc.setJobDescription("LIIF upscale of " + input + " to " + layout.width() + " x " + layout.height() + " in " + blocks
			.size() + " blocks");
		return sc.parallelize(blocks, blocks.size()).mapPartitions(new BlockTasks(input, outputZarr, settings, HadoopConf.of(
			conf), layout, blockChunks)).collect();
	}

	/** What the image was made from and with, the consistency step as the model resolves it. */
	private static JsonObject provenance(String input, JobSettings settings, PlaneJob job) {
		JsonObject p = new JsonObject();
		p.addProperty("input", input);
		p.addProperty("model", settings.request().model());
		p.addProperty("consistency", job.consistency());
		return p;
	}

	/** The output array of the upscale, decided on the driver from the image and the model. */
	private static OmeZarr.Layout layout(Prepared.Job prepared, int chunk) {
		PlaneJob job = prepared.plane();
		Calibration cal = ImagePlusData.resultCalibration(prepared.image(), job.calibration());
		String unit = OmeZarr.omeUnit(cal.getUnit());
		boolean scaled = cal.scaled() && unit != null;
		return new OmeZarr.Layout(job.channels(), job.outHeight(), job.outWidth(), chunk, SampleType.ofBits(job.bits()), scaled
			? cal.pixelHeight : 1, scaled ? cal.pixelWidth : 1, scaled ? unit : null);
	}

	/** Reads the LR image (staged from its file system) and prepares it as every executor does. */
	private static Prepared.Job prepare(String input, JobSettings settings, Configuration conf) throws IOException {
		java.nio.file.Path scratch = Files.createTempDirectory("liif-spark-");
		try {
			ImagePlus imp = ImageFiles.read(HadoopPaths.stageIn(input, scratch, conf));
			ImagePlusData image = ImagePlusData.of(imp);
			if (!UpscaleService.streams(settings.local(), image)) {
				throw new IOException(input + ": a tiled upscale takes one plane (gray, or RGB with a colour model); "
					+ "use the file job (without --zarr) for stacks and hyperstacks");
			}
			return new Prepared.Job(imp, UpscaleService.planeJob(settings.local(), image));
		}
		catch (ModelFormatException e) {
			throw new IOException(e.getMessage(), e);
		}
		finally {
			FileBatchJob.deleteQuietly(scratch);
		}
	}

	/** The prepared input, kept per executor JVM: every block of the image reads the same. */
	private static final class Prepared {

		/** The image read and its upscale. */
		record Job(ImagePlus image, PlaneJob plane) {}

		private static String key;
		private static Job value;

		static synchronized Job get(String input, JobSettings settings, Configuration conf) throws IOException {
			String k = input + "|" + settings;
			if (!k.equals(key)) {
				value = prepare(input, settings, conf);
				key = k;
			}
			return value;
		}
	}

	private record BlockTasks(String input, String outputZarr, JobSettings settings, HadoopConf hadoop, OmeZarr.Layout layout,
		int blockChunks) implements FlatMapFunction<Iterator<Block>, Outcome>
	{

		@Override
		public Iterator<Outcome> call(Iterator<Block> blocks) throws Exception {
			Configuration conf = hadoop.get();
			ChunkStore store = new HadoopStore(outputZarr, conf);
			List<Outcome> outcomes = new ArrayList<>();
			while (blocks.hasNext()) outcomes.add(upscale(blocks.next(), store, conf));
			return outcomes.iterator();
		}

		private Outcome upscale(Block block, ChunkStore store, Configuration conf) {
			long start = System.nanoTime();
			int rows = Math.min(blockChunks, layout.chunkRows() - block.chunkRow());
			int cols = Math.min(blockChunks, layout.chunkColumns() - block.chunkColumn());
			String item = "chunks (" + block.chunkRow() + ", " + block.chunkColumn() + ") + " + rows + " x " + cols;
			try {
				if (!settings.overwrite() && allExist(store, block, rows, cols))
					return new Outcome(item, Outcome.Status.SKIPPED, "", 0);
				PlaneJob job = Prepared.get(input, settings, conf).plane();
				int y0 = block.chunkRow() * layout.chunk();
				int x0 = block.chunkColumn() * layout.chunk();
				OutputRegion region = new OutputRegion(y0, x0, Math.min(rows * layout.chunk(), layout.height() - y0), Math.min(
					cols * layout.chunk(), layout.width() - x0));
				float[] samples = job.region(region, JobSettings.taskMonitor());
				for (int r = 0; r < rows; r++) {
					for (int k = 0; k < cols; k++) {
						OmeZarr.writeChunk(store, layout, block.chunkRow() + r, block.chunkColumn() + k, samples, y0, x0, region
							.width());
					}
				}
				return new Outcome(item, Outcome.Status.DONE, "", FileBatchJob.seconds(start));
			}
			catch (Exception | OutOfMemoryError e) {
				return Outcome.failed(item, e, FileBatchJob.seconds(start));
			}
		}

		private static boolean allExist(ChunkStore store, Block block, int rows, int cols) throws IOException {
			for (int r = 0; r < rows; r++) {
				for (int k = 0; k < cols; k++) {
					if (!store.exists(OmeZarr.chunkKey(block.chunkRow() + r, block.chunkColumn() + k))) return false;
				}
			}
			return true;
		}
	}
}
