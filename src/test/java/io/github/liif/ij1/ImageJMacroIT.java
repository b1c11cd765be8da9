package io.github.liif.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import io.github.liif.TinyModels;
import io.github.liif.image.Degradation;
import io.github.liif.imagej.InjectedUpscales;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.inference.ZScale;
import io.github.liif.io.ModelFiles;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelDescriptor;
import io.github.liif.network.LiifNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plugins › LIIF Upscale in a real ImageJ 1 (target/imagej), driven by batch macros. */
class ImageJMacroIT {

	@TempDir
	static Path dir;
	static Path grayModel;
	static LiifModel gray;

	@BeforeAll
	static void model() throws Exception {
		gray = new LiifModel(TinyModels.randomEdsr(1, true, 31), ModelDescriptor.reference("gray"));
		grayModel = dir.resolve("gray.liif");
		ModelFiles.save(gray, grayModel, true);
	}

	private static Path hyperstack() {
		ImagePlus imp = IJ.createImage("cells", "16-bit ramp", 19, 13, 3, 2, 2);
		Random r = new Random(3);
		for (int s = 1; s <= imp.getStackSize(); s++) {
			var ip = imp.getStack().getProcessor(s);
			for (int i = 0; i < ip.getPixelCount(); i++) ip.setf(i, r.nextInt(4000));
		}
		imp.getCalibration().pixelWidth = 0.2;
		imp.getCalibration().pixelHeight = 0.3;
		imp.getCalibration().setUnit("mm");
		Path file = dir.resolve("cells.tif");
		new FileSaver(imp).saveAsTiffStack(file.toString());
		return file;
	}

	@Test
	void aModelFileChosenInTheDialogReplaysFromItsRecordedKeys() throws Exception {
		Path out = dir.resolve("from-file.tif");
		ImageJRunner.Result r = ImageJRunner.macro(dir, "newImage('g', '8-bit ramp', 20, 10, 1);\n"
			+ "run('LIIF Upscale', 'model=[From file...] model_file=[" + grayModel + "] scale_x=2 scale_y=3 consistency=off');\n"
			+ "saveAs('Tiff', '" + out + "');\n");
		assertTrue(Files.exists(out), r.output());
		ImagePlus result = IJ.openImage(out.toString());
		assertEquals(40, result.getWidth());
		assertEquals(30, result.getHeight());
	}

	@Test
	void sixteenBitHyperstackAtTwoPointFiveByThreeFromABatchMacro() throws Exception {
		Path in = hyperstack();
		Path out = dir.resolve("cells-up.tif");
		ImageJRunner.Result r = ImageJRunner.macro(dir, "open('" + in + "');\n" + "run('LIIF Upscale', 'model=[" + grayModel
			+ "] scale_x=2.5 scale_y=3');\n" + "saveAs('Tiff', '" + out + "');\n");
		assertTrue(Files.exists(out), r.output());
		assertFalse(r.output().contains("SLF4J"), "plain ImageJ gets a silent logging binding: " + r.output());
		ImagePlus result = IJ.openImage(out.toString());
		assertTrue(String.valueOf(result.getProp("LIIF")).endsWith("; consistency bicubic"), "provenance kept in the TIFF: "
			+ result.getProp("LIIF"));
		assertEquals(16, result.getBitDepth());
		assertArrayEquals(new int[]{ 48, 39, 3, 2, 2 }, result.getDimensions());
		assertTrue(result.isHyperStack());
		assertEquals(0.2 * 19 / 48, result.getCalibration().pixelWidth, 1e-6);
		assertEquals(0.3 * 13 / 39, result.getCalibration().pixelHeight, 1e-6);
		assertEquals("mm", result.getCalibration().getUnit());
		// pixel for pixel what the core engine gives in this JVM
		try (LiifNetwork net = LiifNetwork.create(gray.weights(), Device.cpu())) {
			// with the default consistency step: the model has no recipe, so it was trained like the reference (bicubic)
			UpscaleOptions defaults = UpscaleOptions.DEFAULT.withConsistency(Consistency.DEFAULT.resolvedFor(
				Degradation.BICUBIC));
			ImagePlus expected = InjectedUpscales.inMemory(new Upscaler(net, defaults), IJ.openImage(in.toString()), TargetSize
				.scales(2.5, 3), false);
			for (int s = 1; s <= expected.getStackSize(); s++) {
				assertArrayEquals((short[]) expected.getStack().getPixels(s), (short[]) result.getStack().getPixels(s), "slice "
					+ s);
			}
		}
		// the input file is untouched
		assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(hyperstackCopy(in)));
	}

	@Test
	void sixteenBitZStackFourTimesAlongZFromABatchMacro() throws Exception {
		ImagePlus imp = IJ.createImage("zstack", "16-bit ramp", 17, 14, 2, 6, 1);
		Random r = new Random(4);
		for (int s = 1; s <= imp.getStackSize(); s++) {
			var ip = imp.getStack().getProcessor(s);
			for (int i = 0; i < ip.getPixelCount(); i++) ip.setf(i, 200 + r.nextInt(3000));
		}
		imp.getCalibration().pixelWidth = 0.3;
		imp.getCalibration().pixelHeight = 0.3;
		imp.getCalibration().pixelDepth = 1.2;
		imp.getCalibration().setUnit("mm");
		Path in = dir.resolve("zstack.tif");
		new FileSaver(imp).saveAsTiffStack(in.toString());
		byte[] before = Files.readAllBytes(in);
		Path out = dir.resolve("zstack-up.tif");
		ImageJRunner.Result run = ImageJRunner.macro(dir, "setBatchMode(true);\nopen('" + in + "');\n"
			+ "run('LIIF Upscale', 'model=[" + grayModel + "] scale_z=4');\n" + "saveAs('Tiff', '" + out + "');\n");
		assertTrue(Files.exists(out), run.output());
		ImagePlus result = IJ.openImage(out.toString());
		assertEquals(16, result.getBitDepth());
		assertArrayEquals(new int[]{ 17, 14, 2, 24, 1 }, result.getDimensions(), "4x the slices; XY and channels as they were");
		assertEquals(0.3, result.getCalibration().pixelDepth, 1e-6, "voxel depth / 4");
		assertEquals(0.3, result.getCalibration().pixelWidth, 1e-6);
		assertEquals("mm", result.getCalibration().getUnit());
		assertTrue(String.valueOf(result.getProp("LIIF")).contains("along Z 6 -> 24 slices"), String.valueOf(result.getProp(
			"LIIF")));
		try (LiifNetwork net = LiifNetwork.create(gray.weights(), Device.cpu())) {
			UpscaleOptions defaults = UpscaleOptions.DEFAULT.withConsistency(Consistency.DEFAULT.resolvedFor(
				Degradation.BICUBIC));
			ImagePlus expected = InjectedUpscales.inMemory(new Upscaler(net, defaults), IJ.openImage(in.toString()), TargetSize
				.scale(1), ZScale.factor(4), false, Monitor.NONE);
			for (int s = 1; s <= expected.getStackSize(); s++) {
				assertArrayEquals((short[]) expected.getStack().getPixels(s), (short[]) result.getStack().getPixels(s), "slice "
					+ s);
			}
		}
		assertArrayEquals(before, Files.readAllBytes(in), "the input file is untouched");
	}

	private static Path hyperstackCopy(Path in) throws Exception {
		Path copy = dir.resolve("cells-copy.tif");
		if (!Files.exists(copy)) Files.copy(in, copy);
		return copy;
	}

	@ParameterizedTest
	@ValueSource(strings = { "scale_x=0 scale_y=2", "scale_x=-1 scale_y=2", "scale_x=NaN scale_y=2", "scale=100000",
		"width=-5 height=10", "tile=2 scale=2", "scale=2 output=16-bit", "model=[/no/such/model.pth] scale=2", "scale_z=0.5",
		"scale_z=2", "scale_z=isotropic", "scale_z=deep" })
	void badParametersEndTheMacroWithAClearMessageAndNoResult(String options) throws Exception {
		Path in = dir.resolve("small.tif");
		if (!Files.exists(in)) new FileSaver(IJ.createImage("small", "8-bit ramp", 16, 16, 1)).saveAsTiff(in.toString());
		ImageJRunner.Result r = ImageJRunner.macro(dir, "open('" + in + "');\n" + "run('LIIF Upscale', '" + (options.contains(
			"model=") ? "" : "model=[" + grayModel + "] ") + options + "');\n"
			+ "print('images: ' + nImages + ' title: ' + getTitle());\n");
		assertTrue(r.output().contains("LIIF Upscale error:"), r.output());
		assertFalse(r.output().contains("LIIF-"), "no result image may appear: " + r.output());
		assertFalse(r.output().contains("Exception"), r.output());
	}

	@Test
	void trainAndEvaluateRunFromMacros() throws Exception {
		Path data = Files.createDirectories(dir.resolve("train-data"));
		Path val = Files.createDirectories(dir.resolve("val-data"));
		Random r = new Random(9);
		for (int i = 0; i < 3; i++) {
			ImagePlus imp = IJ.createImage("t" + i, "16-bit ramp", 80, 70, 1);
			for (int p = 0; p < 80 * 70; p++)
				imp.getProcessor().set(p, (int) (1000 + 800 * Math.sin(p * 0.05 + i) + r.nextInt(50)));
			new FileSaver(imp).saveAsTiff((i == 2 ? val : data).resolve("t" + i + ".tif").toString());
		}
		Path out = dir.resolve("trained.liif");
		ImageJRunner.Result train = ImageJRunner.macro(dir, "run('LIIF Train', 'data=[" + data + "] validation=[" + val
			+ "] from=[" + grayModel + "] output=[" + out
			+ "] iterations=4 channels=auto batch=2 learning_rate=0.0001 scale_min=1 scale_max=4 " + "degradation=bicubic');\n");
		assertTrue(Files.exists(out), train.output());
		assertTrue(train.output().contains("LIIF Train validation at 4:"), train.output());
		assertEquals(4, ModelFiles.load(out).descriptor().provenance().getAsJsonObject("training").get("iterations").getAsInt());
		Path fromOpen = dir.resolve("from-open.liif");
		ImageJRunner.Result open = ImageJRunner.macro(dir, "setBatchMode(true);\n" + "open('" + data.resolve("t0.tif")
			+ "'); rename('cells one');\n" + "open('" + data.resolve("t1.tif") + "'); rename('cells two');\n"
			+ "run('Add...', 'value=100');\n"
			+ "run('LIIF Train', 'data=[] images=[cells one;cells two] validation=[] validation_images=[] from=[" + grayModel
			+ "] output=[" + fromOpen + "] iterations=2 channels=auto batch=2 learning_rate=0.0001 scale_min=1 scale_max=4 "
			+ "degradation=bicubic');\n");
		assertTrue(Files.exists(fromOpen), open.output());
		assertTrue(open.output().contains("validation: holding out [cells "), open.output());
		assertTrue(ModelFiles.load(fromOpen).descriptor().provenance().toString().contains("cells "), open.output());
		ImageJRunner.Result eval = ImageJRunner.macro(dir, "run('LIIF Evaluate', 'model=[" + out + "] data=[" + val
			+ "] scales=2,3 degradation=bicubic');\n"
			+ "if (nResults > 0) print('rows ' + nResults + ' gain ' + getResult('gain dB', 0)); else print('no results');\n");
		assertTrue(eval.output().contains("rows 2 gain "), eval.output());
	}

	@Test
	void folderMacroUpscalesEveryImageAndSkipsDoneOnes() throws Exception {
		Path in = Files.createDirectories(dir.resolve("folder-in"));
		Path out = dir.resolve("folder-out");
		for (String name : new String[]{ "a.tif", "b.png" }) {
			ImagePlus imp = IJ.createImage(name, "8-bit ramp", 20, 12, 1);
			if (name.endsWith(".png")) new FileSaver(imp).saveAsPng(in.resolve(name).toString());
			else new FileSaver(imp).saveAsTiff(in.resolve(name).toString());
		}
		Path macro = Path.of("macros", "LIIF_Batch_Folder.ijm").toAbsolutePath();
		String args = "input=" + in + " output=" + out + " scale=2 model=" + grayModel;
		ImageJRunner.Result first = ImageJRunner.batch(macro, args);
		assertTrue(first.output().contains("2 image(s) written"), first.output());
		assertEquals(40, IJ.openImage(out.resolve("a.tif").toString()).getWidth());
		assertEquals(24, IJ.openImage(out.resolve("b.png").toString()).getHeight());
		ImageJRunner.Result second = ImageJRunner.batch(macro, args);
		assertTrue(second.output().contains("0 image(s) written"), second.output());
	}

	@Test
	void folderMacroTakesFoldersWithSpacesAsTheyAreOrInBrackets() throws Exception {
		Path in = Files.createDirectories(dir.resolve("my images"));
		new FileSaver(IJ.createImage("c", "8-bit ramp", 20, 12, 1)).saveAsTiff(in.resolve("cell one.tif").toString());
		Path macro = Path.of("macros", "LIIF_Batch_Folder.ijm").toAbsolutePath();
		Path plain = dir.resolve("up scaled");
		ImageJRunner.Result r = ImageJRunner.batch(macro, "input=" + in + " output=" + plain + " scale=2 model=" + grayModel);
		assertTrue(r.output().contains("1 image(s) written"), r.output());
		assertEquals(40, IJ.openImage(plain.resolve("cell one.tif").toString()).getWidth());
		Path bracketed = dir.resolve("up scaled [x3]");
		r = ImageJRunner.batch(macro, "input=[" + in + "] output=[" + bracketed + "] scale=3 model=[" + grayModel + "]");
		assertTrue(r.output().contains("1 image(s) written"), r.output());
		assertEquals(36, IJ.openImage(bracketed.resolve("cell one.tif").toString()).getHeight());
	}
}
