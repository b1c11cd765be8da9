package io.github.liif.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import io.github.liif.TinyModels;
import io.github.liif.cli.LiifCli;
import io.github.liif.command.LiifUpscaleCommand;
import io.github.liif.command.LiifUpscaleImgCommand;
import io.github.liif.imagej.ImagePlusUpscalerTest;
import io.github.liif.imglib2.ImgData;
import io.github.liif.io.ModelFiles;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scijava.Context;
import org.scijava.command.CommandService;

/**
 * Same input, same pixels, whatever the entry point: every kind of image through the ImageJ 1
 * plugin (a batch macro in the real ImageJ), the SciJava command, the command line (streamed or
 * in memory) and, as 32-bit, the ImgLib2 command, each result compared pixel for pixel.
 */
class EntryPointsIT {

	@TempDir
	static Path dir;
	static Context context;
	static CommandService commands;

	@BeforeAll
	static void start() throws Exception {
		context = new Context();
		commands = context.service(CommandService.class);
		for (int channels : new int[]{ 1, 3 }) {
			ModelFiles.save(new LiifModel(TinyModels.randomEdsr(channels, true, 50 + channels), ModelDescriptor.reference("m"
				+ channels)), model(channels), true);
		}
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static Path model(int channels) {
		return dir.resolve("model-" + channels + ".liif");
	}

	@ParameterizedTest(name = "{0} {1}c x {2}z, {3}-channel model, .{4}")
	@CsvSource({ "8-bit, 1, 1, 1, tif", "8-bit, 1, 1, 1, png", "16-bit, 1, 1, 1, tif", "32-bit, 1, 1, 1, tif",
		"16-bit, 2, 3, 1, tif", "RGB, 1, 1, 3, tif", "RGB, 1, 1, 3, png", "RGB, 1, 1, 1, tif" })
	void everyEntryPointGivesTheSamePixels(String type, int channels, int slices, int modelChannels, String format)
		throws Exception
	{
		String name = type + "-" + channels + "x" + slices + "-" + modelChannels + "-" + format;
		ImagePlus imp = ImagePlusUpscalerTest.random(type, 23, 17, channels, slices, 1);
		Path in = dir.resolve(name + "-in.tif");
		assertTrue(imp.getStackSize() > 1 ? new FileSaver(imp).saveAsTiffStack(in.toString()) : new FileSaver(imp).saveAsTiff(in
			.toString()));
		String model = model(modelChannels).toString();

		Path macroOut = dir.resolve(name + "-macro." + format);
		ImageJRunner.Result r = ImageJRunner.macro(dir, "setBatchMode(true);\nopen('" + in + "');\n"
			+ "run('LIIF Upscale', 'model=[" + model + "] scale_x=2.5 scale_y=3');\n" + "saveAs('" + (format.equals("png") ? "PNG"
				: "Tiff") + "', '" + macroOut + "');\n");
		assertTrue(Files.exists(macroOut), r.output());
		ImagePlus macro = IJ.openImage(macroOut.toString());

		// every choice given: SciJava remembers a command's last values
		ImagePlus sciJava = (ImagePlus) commands.run(LiifUpscaleCommand.class, true, "input", IJ.openImage(in.toString()),
			"model", model, "scaleX", 2.5, "scaleY", 3.0, "width", 0, "height", 0, "scaleZ", "1", "tile", 256, "device", "auto",
			"consistency", "auto", "outputType", "same").get().getOutput("output");

		Path cliOut = dir.resolve(name + "-cli." + format);
		assertEquals(0, LiifCli.run("upscale", "--model", model, "--scale-x", "2.5", "--scale-y", "3", in.toString(), "-o", cliOut
			.toString()));
		ImagePlus cli = IJ.openImage(cliOut.toString());

		assertArrayEquals(new int[]{ 58, 51, type.equals("RGB") ? 1 : channels, slices, 1 }, cli.getDimensions());
		for (ImagePlus other : new ImagePlus[]{ macro, sciJava }) {
			String what = name + (other == macro ? " by the ImageJ 1 macro" : " by the SciJava command");
			assertArrayEquals(cli.getDimensions(), other.getDimensions(), what);
			for (int s = 1; s <= cli.getStackSize(); s++)
				assertSamePixels(cli.getStack().getPixels(s), other.getStack().getPixels(s), what + ", slice " + s);
		}
		if (!type.equals("RGB")) assertImgLib2Agrees(in, model, channels, slices, name);
	}

	/** The ImgLib2 command's float result equals the SciJava ImagePlus command's 32-bit result. */
	private static void assertImgLib2Agrees(Path in, String model, int channels, int slices, String name) throws Exception {
		ImagePlus imp = IJ.openImage(in.toString());
		// X, Y, C, Z of the image's type: the stack's slices in flat order (channel fastest, as ImageJ stores them)
		long[] dims = { imp.getWidth(), imp.getHeight(), channels, slices };
		Img<? extends RealType<?>> img = switch (imp.getBitDepth()) {
			case 8 -> ArrayImgs.unsignedBytes(dims);
			case 16 -> ArrayImgs.unsignedShorts(dims);
			default -> ArrayImgs.floats(dims);
		};
		Cursor<? extends RealType<?>> c = Views.flatIterable(img).cursor();
		for (int s = 1; s <= imp.getStackSize(); s++) {
			float[] plane = (float[]) imp.getStack().getProcessor(s).convertToFloat().getPixels();
			for (float v : plane) c.next().setReal(v);
		}
		ImagePlus float32 = (ImagePlus) commands.run(LiifUpscaleCommand.class, true, "input", imp, "model", model, "scaleX", 2.5,
			"scaleY", 3.0, "width", 0, "height", 0, "scaleZ", "1", "tile", 256, "device", "auto", "consistency", "auto",
			"outputType", "32-bit").get().getOutput("output");
		@SuppressWarnings("unchecked")
		Img<FloatType> out = (Img<FloatType>) commands.run(LiifUpscaleImgCommand.class, true, "input", img, "model", model,
			"scaleX", 2.5, "scaleY", 3.0, "tile", 256, "device", "auto", "consistency", "auto", "channelAxis", channels > 1 ? 2
				: ImgData.NO_CHANNELS).get().getOutput("output");
		Cursor<FloatType> o = Views.flatIterable(out).cursor();
		for (int s = 1; s <= float32.getStackSize(); s++) {
			float[] plane = new float[58 * 51];
			for (int i = 0; i < plane.length; i++) plane[i] = o.next().get();
			assertArrayEquals((float[]) float32.getStack().getPixels(s), plane, 0f, name + " as ImgLib2, slice " + s);
		}
	}

	private static void assertSamePixels(Object expected, Object actual, String what) {
		if (expected instanceof byte[] e) assertArrayEquals(e, (byte[]) actual, what);
		else if (expected instanceof short[] e) assertArrayEquals(e, (short[]) actual, what);
		else if (expected instanceof int[] e) assertArrayEquals(e, (int[]) actual, what);
		else assertArrayEquals((float[]) expected, (float[]) actual, what);
	}
}
