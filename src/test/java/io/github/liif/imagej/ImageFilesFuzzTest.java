package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import io.github.liif.io.ModelFilesTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutated and random files into the image readers: an image or an IOException, nothing else, never a hang. */
class ImageFilesFuzzTest {

	@TempDir
	Path dir;

	@Test
	void mutatedImagesOnlyEverGiveCleanErrors() throws Exception {
		ImagePlus imp = IJ.createImage("seed", "16-bit ramp", 40, 30, 3);
		Path tif = dir.resolve("seed.tif");
		new FileSaver(imp).saveAsTiffStack(tif.toString());
		Path png = dir.resolve("seed.png");
		new FileSaver(IJ.createImage("seed", "RGB ramp", 40, 30, 1)).saveAsPng(png.toString());
		Path jpg = dir.resolve("seed.jpg");
		new FileSaver(IJ.createImage("seed", "8-bit ramp", 40, 30, 1)).saveAsJpeg(jpg.toString());
		Random random = new Random(7);
		int[] outcomes = new int[2];
		assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
			for (int i = 0; i < 450; i++) {
				Path seed = i % 3 == 0 ? tif : i % 3 == 1 ? png : jpg;
				Path mutant = dir.resolve("m" + i + "." + ImageFiles.extension(seed));
				Files.write(mutant, ModelFilesTest.mutate(Files.readAllBytes(seed), random));
				try {
					ImageFiles.read(mutant);
					outcomes[0]++;
				}
				catch (IOException expected) {
					assertTrue(expected.getMessage().contains(mutant.getFileName().toString()), expected.getMessage());
					outcomes[1]++;
				}
				Files.delete(mutant);
			}
		});
		assertTrue(outcomes[1] > 0, "some mutants must be refused");
	}

	@Test
	void absurdDeclaredDimensionsAreRefused() throws Exception {
		// a minimal little-endian TIFF header claiming 100000 x 100000 16-bit pixels with 16 bytes of data
		ByteBuffer b = ByteBuffer.allocate(8 + 2 + 8 * 12 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		short[][] tags = { { 256, 4 }, { 257, 4 }, { 258, 3 }, { 259, 3 }, { 262, 3 }, { 273, 4 }, { 277, 3 }, { 279, 4 } };
		long[] values = { 100000, 100000, 16, 1, 1, 8 + 2 + 8 * 12 + 4, 1, 16 };
		b.putShort((short) tags.length);
		for (int t = 0; t < tags.length; t++) {
			b.putShort(tags[t][0]).putShort(tags[t][1]).putInt(1);
			if (tags[t][1] == 3) b.putShort((short) values[t]).putShort((short) 0);
			else b.putInt((int) values[t]);
		}
		b.putInt(0);
		Path file = Files.write(dir.resolve("absurd.tif"), Arrays.copyOf(b.array(), b.capacity()));
		// a guard against hanging, not a speed test: ImageJ takes 26 s to give up on this file on a loaded 2-core
		// machine (a third of it in the kernel: large allocations), over 60 s with a second build beside it
		assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
			IOException e = Assertions.assertThrows(IOException.class, () -> ImageFiles.read(file));
			assertTrue(e.getMessage().contains("absurd.tif"), e.getMessage());
		});
	}
}
