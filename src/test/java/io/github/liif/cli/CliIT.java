package io.github.liif.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import io.github.liif.Fixtures;
import io.github.liif.TinyModels;
import io.github.liif.image.Bicubic;
import io.github.liif.io.ModelFiles;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelDescriptor;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ./liif launcher as users run it, including every bad input it must survive. */
class CliIT {

	@TempDir
	Path dir;

	record Run(int exit, String out, String err) {}

	static Run limited(String shellPrefix, String... args) throws Exception {
		List<String> cmd = new ArrayList<>(List.of("bash", "-c", shellPrefix + " exec ./liif \"$@\"", "liif"));
		cmd.addAll(List.of(args));
		return command(cmd);
	}

	static Run command(List<String> cmd) throws Exception {
		Process p = new ProcessBuilder(cmd).start();
		byte[] out = p.getInputStream().readAllBytes();
		byte[] err = p.getErrorStream().readAllBytes();
		assertTrue(p.waitFor(5, TimeUnit.MINUTES));
		return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
	}

	static Run liif(String... args) throws Exception {
		return limited("", args);
	}

	private static String model() {
		return Fixtures.path("tiny.pth").toString();
	}

	@Test
	void upscalesAReferenceCheckpointToAnExplicitSizeAndRefusesToOverwrite() throws Exception {
		Path out = dir.resolve("out.png");
		// the reference's LIIF: the model alone, without the consistency step
		Run r = liif("upscale", "--model", model(), "--size", "53x41", "--consistency", "off", Fixtures.path("input-23x17.png")
			.toString(), "-o", out.toString());
		assertEquals(0, r.exit(), r.err());
		ImagePlus result = IJ.openImage(out.toString());
		assertEquals(53, result.getWidth());
		assertEquals(41, result.getHeight());
		// the reference output, clamped and rounded, within one grey level
		float[] expected = Fixtures.npy("tiny-out-53x41.npy").data();
		int[] px = (int[]) result.getProcessor().getPixels();
		for (int i = 0; i < px.length; i++) {
			for (int c = 0; c < 3; c++) {
				int ours = (px[i] >> (16 - 8 * c)) & 0xff;
				double ref = Math.min(1, Math.max(0, expected[i * 3 + c])) * 255;
				assertTrue(Math.abs(ours - ref) <= 1.0, "pixel " + i + " channel " + c + ": " + ours + " vs " + ref);
			}
		}
		byte[] before = Files.readAllBytes(out);
		Run again = liif("upscale", "--model", model(), "--scale", "2", Fixtures.path("input-23x17.png").toString(), "-o", out
			.toString());
		assertEquals(2, again.exit());
		assertTrue(again.err().contains("exists; use --overwrite"), again.err());
		assertArrayEquals(before, Files.readAllBytes(out));
	}

	@ParameterizedTest
	@ValueSource(strings = { "empty", "text", "truncated-png", "truncated-jpg", "truncated-tif" })
	void damagedImagesGetOneClearLineAndNoOutput(String kind) throws Exception {
		Path in = switch (kind) {
			case "empty" -> Files.write(dir.resolve("empty.png"), new byte[0]);
			case "text" -> Files.writeString(dir.resolve("notes.tif"), "these are my notes, not an image");
			default -> {
				String ext = kind.substring("truncated-".length());
				Path full = dir.resolve("full." + ext);
				ImagePlus imp = IJ.createImage("x", "RGB ramp", 64, 48, 1);
				FileSaver saver = new FileSaver(imp);
				boolean saved = ext.equals("jpg") ? saver.saveAsJpeg(full.toString()) : ext.equals("png") ? saver.saveAsPng(full
					.toString()) : saver.saveAsTiff(full.toString());
				assertTrue(saved);
				byte[] bytes = Files.readAllBytes(full);
				yield Files.write(dir.resolve("cut." + ext), Arrays.copyOf(bytes, bytes.length / 3));
			}
		};
		Path out = dir.resolve("result-" + in.getFileName());
		Run r = liif("upscale", "--model", model(), "--scale", "2", in.toString(), "-o", out.toString());
		if (kind.equals("truncated-jpg") && r.exit() == 0) {
			// JPEG decoders fill a cut stream with grey: a defined result, documented
			assertTrue(Files.exists(out));
			return;
		}
		assertEquals(2, r.exit(), r.err());
		assertTrue(r.err().startsWith("liif: error: "), r.err());
		assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
		assertFalse(Files.exists(out));
	}

	@Test
	void checkFindsEveryLayerWidthRightAsTheNetworksRunThem() throws Exception {
		Run r = liif("check");
		assertEquals(0, r.exit(), r.out() + r.err());
		assertTrue(r.out().startsWith("the networks' layers, libtorch 2.7.1, oneDNN instruction set: the processor's own"), r
			.out());
		assertEquals(5, r.out().lines().filter(l -> l.endsWith(" widths, all right")).count(), r.out());
		assertTrue(r.out().endsWith("every width right" + System.lineSeparator()), r.out());
		assertTrue(r.err().contains("checking layer widths: 100.0%"), "progress with the time left: " + r.err());
	}

	@Test
	void gifAndBmpAreReadAndWrittenAsPngAndRunsRefusedBeforeWritingCreateNothing() throws Exception {
		Path in = Files.createDirectories(dir.resolve("in"));
		Path gif = in.resolve("ramp.gif");
		assertTrue(new FileSaver(IJ.createImage("g", "8-bit ramp", 23, 17, 1)).saveAsGif(gif.toString()));
		Path bmp = in.resolve("colours.bmp");
		assertTrue(new FileSaver(IJ.createImage("c", "RGB ramp", 23, 17, 1)).saveAsBmp(bmp.toString()));
		Path one = dir.resolve("ramp-x2.png");
		Run r = liif("upscale", "--model", model(), "--scale", "2", gif.toString(), "-o", one.toString());
		assertEquals(0, r.exit(), r.err());
		assertEquals(46, IJ.openImage(one.toString()).getWidth());
		Path folder = dir.resolve("out");
		r = liif("upscale", "--model", model(), "--scale", "2", in.toString(), "-o", folder.toString());
		assertEquals(0, r.exit(), r.err());
		ImagePlus colours = IJ.openImage(folder.resolve("colours.png").toString());
		assertEquals(24, colours.getBitDepth(), "a BMP's colours come back as an RGB PNG");
		assertEquals(34, colours.getHeight());
		assertTrue(Files.exists(folder.resolve("ramp.png")));

		// refused before any work: nothing is created, not even a folder named like the output
		r = liif("upscale", "--model", model(), "--scale", "2", gif.toString(), "-o", dir.resolve("sub/x.gif").toString());
		assertEquals(2, r.exit(), r.err());
		assertTrue(r.err().contains("give OUTPUT as .tif, .png or .jpg"), r.err());
		assertFalse(Files.exists(dir.resolve("sub")));
		Path notes = Files.writeString(dir.resolve("notes.tif"), "not an image");
		r = liif("upscale", "--model", model(), "--scale", "2", notes.toString(), gif.toString(), "-o", dir.resolve("made")
			.toString());
		assertEquals(2, r.exit(), r.err());
		assertFalse(Files.exists(dir.resolve("made")), "a run that fails before writing leaves no empty folder");
		r = liif("upscale", "--model", model(), "--scale", "2", gif.toString(), bmp.toString(), "-o", one.toString());
		assertEquals(2, r.exit(), r.err());
		assertTrue(r.err().contains("OUTPUT must be a folder when there are several inputs"), r.err());
	}

	@Test
	void transparencyOfRgbaPngAndTiffIsKeptAndAJpegOutputForItIsRefused() throws Exception {
		BufferedImage rgba = new BufferedImage(23, 17, BufferedImage.TYPE_INT_ARGB);
		int[] alpha = new int[23 * 17];
		for (int y = 0; y < 17; y++) {
			for (int x = 0; x < 23; x++) {
				alpha[y * 23 + x] = x < 8 ? 0 : Math.min(255, 20 * x);
				rgba.setRGB(x, y, alpha[y * 23 + x] << 24 | (10 * x) << 16 | (12 * y) << 8 | 200);
			}
		}
		Path in = dir.resolve("cut-out.png");
		assertTrue(ImageIO.write(rgba, "png", in.toFile()));
		Path out = dir.resolve("cut-out-x2.png");
		Run r = liif("upscale", "--model", model(), "--scale", "2", in.toString(), "-o", out.toString());
		assertEquals(0, r.exit(), r.err());
		BufferedImage back = ImageIO.read(out.toFile());
		assertTrue(back.getColorModel().hasAlpha(), "the result keeps its transparency");
		assertEquals(46, back.getWidth());
		int[] got = back.getAlphaRaster().getSamples(0, 0, 46, 34, 0, (int[]) null);
		assertArrayEquals(Bicubic.resize8(alpha, 17, 23, 34, 46), got, "alpha upscaled by PIL's bicubic");
		assertEquals(0, got[2 * 46 + 5], "transparent stays transparent");
		// an RGBA TIFF too (ImageJ alone reads it as RGB)
		Path tif = dir.resolve("cut-out.tif");
		assertTrue(ImageIO.write(rgba, "tiff", tif.toFile()));
		Path tifOut = dir.resolve("cut-out-x2.tif");
		r = liif("upscale", "--model", model(), "--scale", "2", tif.toString(), "-o", tifOut.toString());
		assertEquals(0, r.exit(), r.err());
		BufferedImage tifBack = ImageIO.read(tifOut.toFile());
		assertTrue(tifBack.getColorModel().hasAlpha(), "the TIFF result keeps its transparency");
		assertArrayEquals(got, tifBack.getAlphaRaster().getSamples(0, 0, 46, 34, 0, (int[]) null));
		r = liif("upscale", "--model", model(), "--scale", "2", in.toString(), "-o", dir.resolve("x.jpg").toString());
		assertEquals(2, r.exit(), r.err());
		assertTrue(r.err().contains("cannot hold the image's transparency; write .png or .tif"), r.err());
		assertFalse(Files.exists(dir.resolve("x.jpg")));
	}

	@Test
	void aCalibratedStackGoesIsotropicAlongZAndKeepsItsType() throws Exception {
		ImagePlus imp = IJ.createImage("stack", "16-bit ramp", 20, 16, 4);
		imp.getCalibration().pixelWidth = 0.25;
		imp.getCalibration().pixelHeight = 0.25;
		imp.getCalibration().pixelDepth = 0.75;
		imp.getCalibration().setUnit("mm");
		Path in = dir.resolve("stack.tif");
		new FileSaver(imp).saveAsTiffStack(in.toString());
		Path out = dir.resolve("iso.tif");
		Run r = liif("upscale", "--model", "microscopy", "--scale-z", "isotropic", "--z-planes", "xz", in.toString(), "-o", out
			.toString());
		assertEquals(0, r.exit(), r.err());
		ImagePlus result = IJ.openImage(out.toString());
		assertArrayEquals(new int[]{ 20, 16, 1, 12, 1 }, result.getDimensions(), "0.75 / 0.25: 3x the slices, XY kept");
		assertEquals(16, result.getBitDepth());
		assertEquals(0.25, result.getCalibration().pixelDepth, 1e-6);
		assertTrue(String.valueOf(result.getProp("LIIF")).contains("(xz planes)"), String.valueOf(result.getProp("LIIF")));
	}

	@Test
	void badParametersAndModelsAreRefusedBeforeAnyWork() throws Exception {
		String in = Fixtures.path("input-23x17.png").toString();
		String out = dir.resolve("x.png").toString();
		String[][] cases = { { "--scale", "0" }, { "--scale", "-3" }, { "--scale", "NaN" }, { "--scale", "Infinity" }, { "--size",
			"10x10" }, { "--size", "abc" }, { "--scale", "2", "--tile", "2" }, { "--scale", "2", "--threads", "0" }, { "--scale",
				"2", "--device", "tpu" }, { "--scale-z", "0.5" }, { "--scale-z", "2" }, { "--scale-z", "isotropic" }, {
					"--scale-z", "2", "--z-planes", "xy" }, { "--tile", "64" } };
		for (String[] c : cases) {
			List<String> args = new ArrayList<>(List.of("upscale", "--model", model()));
			args.addAll(List.of(c));
			args.addAll(List.of(in, "-o", out));
			Run r = liif(args.toArray(String[]::new));
			assertEquals(2, r.exit(), String.join(" ", c) + ": " + r.err());
			assertTrue(r.err().contains("liif: error:") || r.err().contains("Invalid value"), r.err());
		}
		Run spark = liif("spark", "--model", model(), "--scale-z", "2", in, "-o", dir.resolve("spark-out").toString());
		assertEquals(2, spark.exit(), spark.err());
		assertTrue(spark.err().contains("--scale-z runs with 'liif upscale'"), spark.err());
		Path textModel = Files.writeString(dir.resolve("model.pth"), "hello");
		Run r = liif("upscale", "--model", textModel.toString(), "--scale", "2", in, "-o", out);
		assertTrue(r.err().contains("not a model file"), r.err());
		assertFalse(Files.exists(Path.of(out)));
	}

	@Test
	void aFullDiskLeavesNoHalfWrittenFile() throws Exception {
		ImagePlus big = IJ.createImage("big", "16-bit ramp", 300, 300, 1);
		Random rnd = new Random(1);
		for (int i = 0; i < 300 * 300; i++) big.getProcessor().set(i, rnd.nextInt(65536));
		Path in = dir.resolve("big.tif");
		new FileSaver(big).saveAsTiff(in.toString());
		Path outDir = Files.createDirectories(dir.resolve("out"));
		Path gray = dir.resolve("gray.liif");
		ModelFiles.save(new LiifModel(TinyModels.randomEdsr(1, true, 3), ModelDescriptor.reference("g")), gray, true);
		// a file-size limit of 100 kB (ulimit -f counts 1 kB blocks) makes the 720 kB result fail mid-write
		Run r = limited("ulimit -f 100;", "upscale", "--model", gray.toString(), "--scale", "2", in.toString(), "-o", outDir
			.toString());
		assertTrue(r.exit() != 0, r.err());
		try (Stream<Path> left = Files.list(outDir)) {
			assertEquals(List.of(), left.toList());
		}
	}

	@Test
	void unwritableFolderGivesAClearError() throws Exception {
		Path locked = Files.createDirectories(dir.resolve("locked"));
		locked.toFile().setWritable(false, false);
		Run r = liif("upscale", "--model", model(), "--scale", "2", Fixtures.path("input-23x17.png").toString(), "-o", locked
			.resolve("o.png").toString());
		if (System.getProperty("user.name").equals("root")) {
			// root writes anywhere: nothing to refuse, but the result must be complete
			assertEquals(0, r.exit(), r.err());
			return;
		}
		assertEquals(2, r.exit(), r.err());
		assertTrue(r.err().contains("liif: error:"), r.err());
	}

	@Test
	void aReadOnlyFolderIsRefusedBeforeAnyWorkWithTheUsersPathAndTheReason() throws Exception {
		// root writes anywhere: run as nobody then, who needs to reach the input
		boolean root = System.getProperty("user.name").equals("root");
		String prefix = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups" : "";
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path in = Files.copy(Fixtures.path("input-23x17.png"), dir.resolve("in.png"));
		Path locked = Files.createDirectories(dir.resolve("locked"));
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
		String liif = "cd " + dir + " && " + prefix + " " + Path.of("liif").toAbsolutePath() + " \"$@\"";
		Run r = command(List.of("bash", "-c", liif, "liif", "upscale", "--model", model(), "--scale", "2", "in.png", "-o",
			"locked/o.png"));
		assertEquals(2, r.exit(), r.err());
		assertEquals("liif: error: cannot write to locked: permission denied\n", r.err());
		r = command(List.of("bash", "-c", liif, "liif", "upscale", "--model", model(), "--scale", "2", in.toString(), "in.png",
			"-o", "locked/new/"));
		assertEquals(2, r.exit(), r.err());
		assertEquals("liif: error: cannot write to locked/new: permission denied (in " + locked + ")\n", r.err());
	}

	@Test
	void nonAsciiNamesUnderACPosixLocaleAreUpscaledOrRefusedOneByOne() throws Exception {
		assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "this test's own JVM must name the files");
		Path in = Files.copy(Fixtures.path("input-23x17.png"), dir.resolve("entrée 1.png"));
		// the launcher runs the JVM under C.UTF-8, which this system has
		Run r = limited("export LANG=C; unset LC_ALL;", "upscale", "--model", model(), "--scale", "2", in.toString(), "-o", dir
			.resolve("sortie é.png").toString());
		assertEquals(0, r.exit(), r.err());
		assertEquals(46, ImageIO.read(dir.resolve("sortie é.png").toFile()).getWidth());
		// a system without C.UTF-8 (no 'locale' here): that one file is refused, the others are upscaled
		Path folder = Files.createDirectories(dir.resolve("in"));
		Files.copy(in, folder.resolve("entrée 1.png"));
		Files.copy(in, folder.resolve("plain.png"));
		r = limited("export LANG=C; unset LC_ALL; locale() { return 1; }; export -f locale;", "upscale", "--model", model(),
			"--scale", "2", folder.toString(), "-o", dir.resolve("out").toString());
		assertEquals(2, r.exit(), r.err());
		assertTrue(r.err().contains("e 1.png: skipped, its name cannot be represented in this locale's charset "
			+ "(ANSI_X3.4-1968); run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8"), r.err());
		try (Stream<Path> out = Files.list(dir.resolve("out"))) {
			assertEquals(List.of("plain.png"), out.map(f -> f.getFileName().toString()).toList());
		}
	}

	@Test
	void evalWritesTableCsvAndChart() throws Exception {
		Path csv = dir.resolve("eval.csv");
		Path chart = dir.resolve("eval.png");
		Run r = liif("eval", "--model", model(), "--data", Path.of("test-images", "motorcycle.png").toString(), "--scales",
			"2,3.5", "--csv", csv.toString(), "--chart", chart.toString());
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().contains("x3.5"), r.out());
		assertTrue(r.out().contains("image-scale pairs (1 images)"), r.out());
		String table = Files.readString(csv);
		assertTrue(table.startsWith("degradation,image,scale,psnr,psnr_bicubic,gain,ssim,ssim_bicubic"), table);
		assertTrue(table.contains("mean,3.5,"), table);
		assertTrue(Files.size(chart) > 1000);
	}

	@Test
	void infoPrintsTheDescriptor() throws Exception {
		Run r = liif("info", Fixtures.path("tiny-no-unfold.pth").toString());
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().contains("\"feat_unfold\": false"), r.out());
	}

	private static long checkpointIteration(Path ckpt) throws Exception {
		byte[] state = ModelFiles.entries(ckpt).get("training-state.json");
		return JsonParser.parseString(new String(state, StandardCharsets.UTF_8)).getAsJsonObject().get("iteration").getAsLong();
	}

	/** Starts ./liif with stderr into a file, and waits until that file shows {@code text}. */
	private static Process startAndWaitFor(Path log, String text, List<String> args) throws Exception {
		List<String> cmd = new ArrayList<>(List.of("./liif"));
		cmd.addAll(args);
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (!Files.readString(log).contains(text)) {
			assertTrue(p.isAlive(), "ended before '" + text + "': " + Files.readString(log));
			assertTrue(System.nanoTime() < deadline, "no '" + text + "' in 3 minutes: " + Files.readString(log));
			Thread.sleep(100);
		}
		return p;
	}

	@Test
	void stoppingWritesACheckpointKillNineKeepsTheLastGoodOneAndResumeFinishes() throws Exception {
		Path data = Files.createDirectories(dir.resolve("data"));
		Path val = Files.createDirectories(dir.resolve("val"));
		Random r = new Random(3);
		for (int i = 0; i < 3; i++) {
			ImagePlus imp = IJ.createImage("t" + i, "8-bit black", 64, 64, 1);
			for (int p = 0; p < 64 * 64; p++) imp.getProcessor().set(p, r.nextInt(256));
			new FileSaver(imp).saveAsTiff((i == 2 ? val : data).resolve("t" + i + ".tif").toString());
		}
		Path model = dir.resolve("m.liif");
		Path ckpt = dir.resolve("m.liif.ckpt");
		List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--val", val.toString(), "--channels",
			"1", "--blocks", "1", "--features", "8", "--hidden", "16", "--patch", "16", "--samples", "64", "--batch", "2",
			"--checkpoint-every", "3", "--validate-every", "100000", "--threads", "1", "-o", model.toString()));
		List<String> endless = new ArrayList<>(args);
		endless.addAll(List.of("--iterations", "100000"));

		// Ctrl-C / kill: the trainer stops at the next iteration and writes a checkpoint first. SIGTERM takes the
		// JVM's shutdown path that SIGINT takes; SIGINT itself cannot be tested reliably, since a process started
		// in the background (as test runners often are) inherits SIGINT as ignored.
		Process first = startAndWaitFor(dir.resolve("first.log"), "iteration ", endless);
		Thread.sleep(1500);
		first.destroy();
		assertTrue(first.waitFor(2, TimeUnit.MINUTES), Files.readString(dir.resolve("first.log")));
		assertTrue(first.exitValue() != 0, Files.readString(dir.resolve("first.log")));
		long stoppedAt = checkpointIteration(ckpt);
		assertTrue(stoppedAt >= 1, "checkpoint at " + stoppedAt);

		// kill -9 while resuming: the checkpoint on disk stays a complete, readable one
		List<String> resume = new ArrayList<>(endless);
		resume.add("--resume");
		Process second = startAndWaitFor(dir.resolve("second.log"), "iteration ", resume);
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (checkpointIteration(ckpt) < stoppedAt + 6) {
			assertTrue(second.isAlive() && System.nanoTime() < deadline, Files.readString(dir.resolve("second.log")));
			Thread.sleep(50);
		}
		second.destroyForcibly();
		assertTrue(second.waitFor(1, TimeUnit.MINUTES));
		long killedAt = checkpointIteration(ckpt);
		assertTrue(killedAt >= stoppedAt + 3, "resumed and checkpointed past " + stoppedAt + ": " + killedAt);
		// killed mid-write, it may leave a temporary file; a stand-in makes that case certain
		Files.writeString(dir.resolve(".m.liif.ckpt.123.part"), "half a checkpoint");

		// --resume finishes the run from there
		List<String> finish = new ArrayList<>(args);
		finish.addAll(List.of("--iterations", Long.toString(killedAt + 2), "--resume"));
		Run done = liif(finish.toArray(String[]::new));
		assertEquals(0, done.exit(), done.err());
		assertEquals(killedAt + 2, ModelFiles.load(model).descriptor().provenance().getAsJsonObject("training").get("iterations")
			.getAsInt());
		try (Stream<Path> files = Files.list(dir)) {
			assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")),
				"the resumed run removed the temporary files");
		}
	}

	@Test
	void stoppingAnUpscaleLeavesNoPartialOutput() throws Exception {
		Path out = dir.resolve("x8.tif");
		Process p = startAndWaitFor(dir.resolve("upscale.log"), "%", List.of("upscale", "--scale", "8", "--tile", "64",
			"test-images/astronaut-256.png", "-o", out.toString()));
		p.destroy();
		assertTrue(p.waitFor(2, TimeUnit.MINUTES), Files.readString(dir.resolve("upscale.log")));
		assertFalse(Files.exists(out));
		try (Stream<Path> files = Files.list(dir)) {
			assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "the temporary output was removed");
		}
	}

	@Test
	void gpuWithoutCudaSaysHowToGetItAndAutoRunsOnTheCpu() throws Exception {
		Path out = dir.resolve("x2.png");
		Run gpu = liif("upscale", "--device", "gpu", "--scale", "2", "test-images/motorcycle.png", "-o", out.toString());
		assertEquals(1, gpu.exit(), gpu.err());
		assertTrue(gpu.err().contains("GPU requested") && gpu.err().contains("PYTORCH_LIBRARY_PATH=") && gpu.err().contains(
			"PYTORCH_VERSION=2.7.1") && gpu.err().contains("PYTORCH_FLAVOR=cu128"), gpu.err());
		assertFalse(Files.exists(out));
		Run wrongPath = limited("PYTORCH_LIBRARY_PATH=" + dir + " ", "upscale", "--device", "gpu", "--scale", "2",
			"test-images/motorcycle.png", "-o", out.toString());
		assertEquals(2, wrongPath.exit(), wrongPath.err());
		assertTrue(wrongPath.err().contains("holds no libtorch.so"), wrongPath.err());
		assertFalse(Files.exists(out));
		Run auto = liif("upscale", "--device", "auto", "--scale", "2", "test-images/motorcycle.png", "-o", out.toString());
		assertEquals(0, auto.exit(), auto.err());
		assertEquals(240, IJ.openImage(out.toString()).getHeight());
	}

	@Test
	void sparkLocalModeThroughTheLauncherUpscalesAFolderAndSkipsItOnARerun() throws Exception {
		Path in = Files.createDirectories(dir.resolve("in"));
		Files.copy(Path.of("test-images/motorcycle.png"), in.resolve("motorcycle.png"));
		Files.copy(Path.of("test-images/nuclei-16bit.tif"), in.resolve("nuclei-16bit.tif"));
		Path out = dir.resolve("out");
		Run first = liif("spark", "--master", "local[2]", "--scale", "2", in.toString(), "-o", out.toString());
		assertEquals(0, first.exit(), first.err());
		assertTrue(first.out().contains("2 images: 2 upscaled, 0 skipped (already done), 0 failed"), first.out());
		assertEquals(256, IJ.openImage(out.resolve("nuclei-16bit.tif").toString()).getWidth());
		assertEquals(320, IJ.openImage(out.resolve("motorcycle.png").toString()).getWidth());
		Run again = liif("spark", "--master", "local[2]", "--scale", "2", in.toString(), "-o", out.toString());
		assertTrue(again.out().contains("2 images: 0 upscaled, 2 skipped"), again.out());
	}
}
