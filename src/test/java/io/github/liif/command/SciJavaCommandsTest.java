package io.github.liif.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import io.github.liif.Fixtures;
import io.github.liif.TinyModels;
import io.github.liif.catalogue.ModelCache;
import io.github.liif.io.ModelFiles;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;
import org.scijava.util.Types;

/** The SciJava commands in a real SciJava Context through the CommandService. */
class SciJavaCommandsTest {

	static Context context;
	static CommandService commands;
	@TempDir
	static Path dir;
	static Path grayModel;

	@BeforeAll
	static void start() throws Exception {
		context = new Context();
		commands = context.service(CommandService.class);
		grayModel = dir.resolve("gray.liif");
		ModelFiles.save(new LiifModel(TinyModels.randomEdsr(1, true, 8), ModelDescriptor.reference("g")), grayModel, true);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void imagePlusCommandUpscalesAndLeavesTheInput() throws Exception {
		ImagePlus rgb = IJ.openImage(Fixtures.path("input-23x17.png").toString());
		int[] before = ((int[]) rgb.getProcessor().getPixels()).clone();
		CommandModule m = commands.run(LiifUpscaleCommand.class, false, Map.of("input", rgb, "model", Fixtures.path("tiny.pth")
			.toString(), "scaleX", 2.5, "scaleY", 3.0)).get();
		ImagePlus out = (ImagePlus) m.getOutput("output");
		assertEquals(58, out.getWidth());
		assertEquals(51, out.getHeight());
		assertEquals(24, out.getBitDepth());
		assertArrayEquals(before, (int[]) rgb.getProcessor().getPixels());
	}

	@Test
	void imagePlusCommandAddsSlicesAlongZ() throws Exception {
		ImagePlus stack = IJ.createImage("stack", "16-bit ramp", 20, 12, 3);
		stack.getCalibration().pixelDepth = 3;
		CommandModule m = commands.run(LiifUpscaleCommand.class, false, Map.of("input", stack, "model", grayModel.toString(),
			"scaleX", 1.0, "scaleY", 1.0, "scaleZ", "2.5")).get();
		ImagePlus out = (ImagePlus) m.getOutput("output");
		assertArrayEquals(new int[]{ 20, 12, 1, 8, 1 }, out.getDimensions(), "round(3 x 2.5) slices, planes as they were");
		assertEquals(3 * 3 / 8.0, out.getCalibration().pixelDepth, 1e-12);
		assertEquals(16, out.getBitDepth());
	}

	@Test
	void aScaleGivenForOneAxisIsTheOthersToo() throws Exception {
		ImagePlus gray = IJ.createImage("g", "8-bit ramp", 10, 8, 1);
		CommandModule m = commands.run(LiifUpscaleCommand.class, false, Map.of("input", gray, "model", grayModel.toString(),
			"scaleY", 3.0, "width", 0, "height", 0)).get();
		ImagePlus out = (ImagePlus) m.getOutput("output");
		assertEquals(30, out.getWidth());
		assertEquals(24, out.getHeight());
		m = commands.run(LiifUpscaleCommand.class, false, Map.of("input", gray, "model", grayModel.toString(), "width", 40))
			.get();
		assertTrue(m.getCancelReason().contains("width and height go together"), m.getCancelReason());
	}

	@Test
	void everyInputReadsWellInTheGeneratedDialogAndScriptsAndIsRemembered() {
		for (Class<? extends Command> c : List.of(LiifUpscaleCommand.class, LiifUpscaleImgCommand.class,
			LiifTrainCommand.class))
		{
			CommandInfo info = commands.getCommand(c);
			for (ModuleItem<?> input : info.inputs()) {
				if (input.getVisibility() == ItemVisibility.INVISIBLE || Service.class.isAssignableFrom(input.getType()) || input
					.getType().getName().startsWith("org.scijava.")) continue;
				String where = c.getSimpleName() + "." + input.getName();
				assertTrue(input.getLabel() != null && !input.getLabel().isBlank(), where + " has a label");
				assertTrue(input.getDescription() != null && !input.getDescription().isBlank(), where + " has a description");
				assertTrue(input.isPersisted(), where + " is remembered like the ImageJ 1 dialog");
				if (Number.class.isAssignableFrom(Types.box(input.getType()))) {
					assertNotNull(input.getMinimumValue(), where + " has a minimum");
				}
			}
		}
	}

	@Test
	void badParametersCancelWithTheReason() throws Exception {
		ImagePlus gray = IJ.createImage("g", "8-bit ramp", 10, 10, 1);
		CommandModule m = commands.run(LiifUpscaleCommand.class, false, Map.of("input", gray, "model", grayModel.toString(),
			"scaleX", 0.5, "scaleY", 2.0)).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("scale x must be a number >= 1"), m.getCancelReason());
		assertNull(m.getOutput("output"));
		m = commands.run(LiifUpscaleCommand.class, false, Map.of("input", gray, "model", "/no/such.liif")).get();
		assertTrue(m.getCancelReason().contains("not found"), m.getCancelReason());
	}

	@Test
	void trainCommandWritesAModelAndItsValidationLog() throws Exception {
		Path data = Files.createDirectories(dir.resolve("data"));
		Path val = Files.createDirectories(dir.resolve("val"));
		for (int i = 0; i < 3; i++) {
			ImagePlus imp = IJ.createImage("t" + i, "8-bit ramp", 64, 56, 1);
			imp.getProcessor().add(10 * i);
			new FileSaver(imp).saveAsTiff((i == 2 ? val : data).resolve("t" + i + ".tif").toString());
		}
		Path out = dir.resolve("trained.liif");
		CommandModule m = commands.run(LiifTrainCommand.class, false, Map.of("data", data.toFile(), "validation", val.toFile(),
			"from", grayModel.toString(), "output", out.toFile(), "iterations", 2, "batch", 1, "learningRate", 1e-4,
			"degradation", "area", "resume", false)).get();
		assertTrue(!m.isCanceled(), String.valueOf(m.getCancelReason()));
		assertEquals(2, ModelFiles.load(out).descriptor().provenance().getAsJsonObject("training").get("iterations").getAsInt());
		assertTrue(Files.readString(dir.resolve("trained.liif.validation.csv")).contains("\n2,"));
		assertTrue(Files.exists(dir.resolve("trained.liif.validation.png")));
	}

	@Test
	void imgLib2CommandUpscalesEveryPlane() throws Exception {
		Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(12, 9, 3);
		int v = 0;
		for (UnsignedShortType t : img) t.set(100 + (v++ * 37) % 900);
		CommandModule m = commands.run(LiifUpscaleImgCommand.class, false, Map.of("input", img, "model", grayModel.toString(),
			"scaleX", 2.0, "scaleY", 1.5)).get();
		@SuppressWarnings("unchecked")
		Img<FloatType> out = (Img<FloatType>) m.getOutput("output");
		assertArrayEquals(new long[]{ 24, 14, 3 }, out.dimensionsAsLongArray());
		for (FloatType t : out) assertTrue(Float.isFinite(t.get()));
	}

	@Test
	void disposingAContextFreesTheLoadedNetworks() throws Exception {
		Context own = new Context();
		ImagePlus gray = IJ.createImage("g", "8-bit ramp", 16, 12, 1);
		own.service(CommandService.class).run(LiifUpscaleCommand.class, false, Map.of("input", gray, "model", grayModel
			.toString(), "scaleX", 2.0, "scaleY", 2.0)).get();
		LiifModelService models = own.service(LiifModelService.class);
		assertTrue(models.loadedModels() > 0, "the command's network is cached");
		own.dispose();
		assertEquals(0, ModelCache.size(), "disposal closed and forgot every network");
	}
}
