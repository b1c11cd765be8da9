package io.github.liif.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import io.github.liif.app.UpscaleRequest;
import io.github.liif.catalogue.ModelCache;
import io.github.liif.cli.LiifCli;
import io.github.liif.image.Degradation;
import io.github.liif.imagej.InjectedUpscales;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.io.DirectoryStore;
import io.github.liif.io.OmeZarr;
import io.github.liif.io.SampleType;
import io.github.liif.network.DecoderMode;
import io.github.liif.runtime.DeviceChoice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark front end in local[2] mode: same pixels as the CLI, restartable, failures reported; tiled OME-Zarr. */
class SparkJobsTest {

	/** With a consistency step: its blocks, and the regions of Spark's tasks, must still stitch into the single-machine result. */
	private static final UpscaleOptions OPTIONS = new UpscaleOptions(16, 512, DecoderMode.SPLIT, new Consistency(1,
		Degradation.BICUBIC));

	@TempDir
	Path dir;

	private static ImagePlus noise(String type, int w, int h, long seed) {
		ImagePlus imp = IJ.createImage("noise", type + " black", w, h, 1);
		Random r = new Random(seed);
		for (int i = 0; i < w * h; i++) {
			if (imp.getProcessor() instanceof ColorProcessor) imp.getProcessor().set(i, r.nextInt(1 << 24));
			else imp.getProcessor().setf(i, type.equals("16-bit") ? 300 + r.nextInt(3000) : r.nextInt(256));
		}
		return imp;
	}

	private static SparkUpscale.Request request(List<String> inputs, String output, boolean zarr, TargetSize size) {
		UpscaleRequest upscale = UpscaleRequest.builder(size).device(DeviceChoice.CPU).options(OPTIONS).build();
		return SparkUpscale.Request.builder(inputs, output, upscale).master("local[2]").zarr(zarr).chunks(16, 2).build();
	}

	private static String run(SparkUpscale.Request r, boolean expectSuccess) throws Exception {
		StringWriter text = new StringWriter();
		assertEquals(expectSuccess, SparkUpscale.run(r, new PrintWriter(text)), text.toString());
		return text.toString();
	}

	@Test
	void folderJobEqualsTheCliSkipsDoneFilesAndReportsBadOnes() throws Exception {
		Path in = Files.createDirectories(dir.resolve("in"));
		new FileSaver(noise("8-bit", 40, 30, 1)).saveAsTiff(in.resolve("gray.tif").toString());
		new FileSaver(noise("16-bit", 30, 30, 2)).saveAsTiff(in.resolve("sixteen.tif").toString());
		new FileSaver(noise("RGB", 32, 24, 3)).saveAsPng(in.resolve("colour.png").toString());
		Files.writeString(in.resolve("broken.tif"), "not a TIFF at all");
		Path sparkOut = dir.resolve("spark");
		String first = run(request(List.of(in.toString()), sparkOut.toString(), false, TargetSize.scales(2.5, 2)), false);
		assertTrue(first.contains("4 images: 3 upscaled, 0 skipped (already done), 1 failed"), first);
		assertTrue(first.contains("FAILED file:" + in.resolve("broken.tif")) || first.contains("FAILED " + in.resolve(
			"broken.tif")), first);
		assertFalse(Files.exists(sparkOut.resolve("broken.tif")));

		Path cliOut = Files.createDirectories(dir.resolve("cli"));
		for (String name : List.of("gray.tif", "sixteen.tif", "colour.png")) {
			assertEquals(0, LiifCli.run("upscale", "--scale-x", "2.5", "--scale-y", "2", "--tile", "16", "--batch", "512", "-o",
				cliOut.resolve(name).toString(), in.resolve(name).toString()));
			ImagePlus expected = IJ.openImage(cliOut.resolve(name).toString());
			ImagePlus actual = IJ.openImage(sparkOut.resolve(name).toString());
			assertEquals(expected.getWidth(), actual.getWidth());
			assertEquals(expected.getBitDepth(), actual.getBitDepth());
			Object e = expected.getProcessor().getPixels();
			Object a = actual.getProcessor().getPixels();
			switch (expected.getBitDepth()) {
				case 8 -> assertArrayEquals((byte[]) e, (byte[]) a, name);
				case 16 -> assertArrayEquals((short[]) e, (short[]) a, name);
				default -> assertArrayEquals((int[]) e, (int[]) a, name);
			}
		}

		String second = run(request(List.of(in.toString()), sparkOut.toString(), false, TargetSize.scales(2.5, 2)), false);
		assertTrue(second.contains("4 images: 0 upscaled, 3 skipped (already done), 1 failed"), second);
	}

	@Test
	void oneImageTiledAcrossTasksIntoOmeZarrEqualsTheSingleMachineResult() throws Exception {
		ImagePlus imp = noise("RGB", 53, 37, 4);
		imp.getCalibration().pixelWidth = 0.5;
		imp.getCalibration().pixelHeight = 0.5;
		imp.getCalibration().setUnit("micron");
		Path image = dir.resolve("big.tif");
		new FileSaver(imp).saveAsTiff(image.toString());
		Path zarr = dir.resolve("big.zarr");
		TargetSize size = TargetSize.scales(2.5, 3);
		String first = run(request(List.of(image.toString()), zarr.toString(), true, size), true);
		// 133 x 111 in 16-pixel chunks: 9 x 7 chunks, blocks of 2 x 2 chunks
		assertTrue(first.contains("20 blocks: 20 upscaled"), first);

		DirectoryStore store = new DirectoryStore(zarr);
		OmeZarr.Layout layout = OmeZarr.open(store);
		JsonObject provenance = JsonParser.parseString(new String(store.get(".zattrs"), StandardCharsets.UTF_8)).getAsJsonObject()
			.getAsJsonObject("liif");
		assertEquals("bicubic", provenance.get("consistency").getAsString(), "the consistency step is recorded: " + provenance);
		assertEquals("default", provenance.get("model").getAsString());
		assertEquals(new OmeZarr.Layout(3, 111, 133, 16, SampleType.UINT8, 0.5 * 37 / 111, 0.5 * 53 / 133, "micrometer"), layout);
		float[] stitched = OmeZarr.read(store, layout);
		ImagePlus reopened = IJ.openImage(image.toString());
		ImagePlus single = InjectedUpscales.inMemory(ModelCache.upscaler("default", true, DeviceChoice.CPU, OPTIONS), reopened,
			size, false);
		int[] px = (int[]) single.getProcessor().getPixels();
		// the guarantee (README): equal up to float rounding, so at most one level apart, and almost always equal
		int differing = 0;
		for (int i = 0; i < px.length; i++) {
			for (int c = 0; c < 3; c++) {
				float d = Math.abs(((px[i] >> (16 - 8 * c)) & 0xff) - stitched[c * px.length + i]);
				assertTrue(d <= 1, "pixel " + i + " channel " + c + " differs by " + d + " levels");
				if (d > 0) differing++;
			}
		}
		assertTrue(differing <= px.length * 3 / 1000, differing + " of " + px.length * 3 + " samples differ by one level");

		String second = run(request(List.of(image.toString()), zarr.toString(), true, size), true);
		assertTrue(second.contains("20 blocks: 0 upscaled, 20 skipped"), second);
	}

	@Test
	void filesOnAnotherFileSystemAreStagedAndPublishedWithTheJobsHadoopSettings() throws Exception {
		Path in = Files.createDirectories(dir.resolve("in"));
		new FileSaver(noise("16-bit", 30, 20, 5)).saveAsTiff(in.resolve("a.tif").toString());
		new FileSaver(noise("RGB", 20, 30, 6)).saveAsPng(in.resolve("b.png").toString());
		Path local = dir.resolve("local");
		run(request(List.of(in.toString()), local.toString(), false, TargetSize.scale(2)), true);
		// known to the job only through its configuration (spark.hadoop.*), not to a fresh Configuration
		System.setProperty("spark.hadoop.fs.remote.impl", RemoteLikeFileSystem.class.getName());
		try {
			Path remote = dir.resolve("remote");
			String text = run(request(List.of("remote://" + in), "remote://" + remote, false, TargetSize.scale(2)), true);
			assertTrue(text.contains("2 images: 2 upscaled"), text);
			for (String name : List.of("a.tif", "b.png")) {
				assertEquals(-1, Files.mismatch(local.resolve(name), remote.resolve(name)), name);
			}
			try (var files = Files.list(remote)) {
				assertEquals(2, files.count(), "no temporary files left beside the outputs");
			}
		}
		finally {
			System.clearProperty("spark.hadoop.fs.remote.impl");
		}
	}
}
