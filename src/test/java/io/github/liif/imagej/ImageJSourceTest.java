package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ImageProcessor;
import io.github.liif.app.ImageSets;
import io.github.liif.app.ImageSource;
import io.github.liif.train.PlaneCache;
import io.github.liif.train.TrainingImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image files and open images as the application reads them: planes, the cache, the hold-out, overlaps. */
class ImageJSourceTest {

	@TempDir
	Path dir;

	private Path tiff(String name, String type, int w, int h, int slices) {
		ImagePlus imp = IJ.createImage(name, type + " ramp", w, h, slices);
		Path p = dir.resolve(name);
		if (slices > 1) new FileSaver(imp).saveAsTiffStack(p.toString());
		else new FileSaver(imp).saveAsTiff(p.toString());
		return p;
	}

	@Test
	void pagesBecomePlanesAndBadFilesAreSkippedWithWarnings() throws Exception {
		tiff("stack.tif", "16-bit", 64, 60, 3);
		tiff("tiny.tif", "8-bit", 20, 20, 1);
		Files.writeString(dir.resolve("broken.tif"), "not really a tiff");
		List<String> warnings = new ArrayList<>();
		List<TrainingImage> planes = ImageSets.planes(ImageJSource.files(List.of(dir)), 1, 48, warnings::add, null);
		assertEquals(3, planes.size());
		assertTrue(planes.stream().allMatch(t -> t.image().width() == 64 && !t.eightBit()));
		assertTrue(warnings.stream().anyMatch(w -> w.contains("broken.tif")), warnings.toString());
		assertTrue(warnings.stream().anyMatch(w -> w.contains("tiny.tif") && w.contains("smaller than a training patch")),
			warnings.toString());
		// percentile normalisation: the ramp spans [0, 1] within the 0.1-99.9 percentiles
		float max = 0;
		for (float v : planes.get(0).image().plane(0)) max = Math.max(max, v);
		assertEquals(1.0, max, 0.01);
	}

	@Test
	void rgbImagesGiveThreeGrayPlanesToAGrayModel() throws Exception {
		ImagePlus rgb = IJ.createImage("c", "RGB ramp", 50, 50, 1);
		List<ImageSource> open = List.of(ImageJSource.of(rgb));
		assertEquals(3, ImageSets.planes(open, 1, 48, w -> {}, null).size());
		assertEquals(3, ImageSets.planes(open, 3, 48, w -> {}, null).get(0).image().channels());
	}

	@Test
	void whetherAStackIsRgbIsReadFromItsFirstPageAlone() throws Exception {
		for (String type : new String[]{ "RGB", "16-bit" }) {
			Path stack = tiff(type + ".tif", type, 40, 30, 3);
			// cut after the first page: reading the whole stack is refused, its first page still reads
			byte[] bytes = Files.readAllBytes(stack);
			int page = 40 * 30 * (type.equals("RGB") ? 3 : 2);
			Path cut = Files.write(dir.resolve("cut-" + type + ".tif"), Arrays.copyOf(bytes, bytes.length - 2 * page));
			IOException e = assertThrows(IOException.class, () -> ImageFiles.read(cut));
			assertTrue(e.getMessage().contains("truncated"), e.getMessage());
			assertEquals(type.equals("RGB"), ImageJSource.of(cut).rgb(), type);
			assertEquals(type.equals("RGB"), ImageJSource.of(stack).rgb(), type);
		}
		assertTrue(ImageJSource.of(tiff("one.tif", "RGB", 20, 20, 1)).rgb());
		IOException e = assertThrows(IOException.class, () -> ImageJSource.of(dir.resolve("missing.tif")).rgb());
		assertTrue(e.getMessage().contains("no such file"), e.getMessage());
	}

	@Test
	void noUsableImagesAndOverlappingValidationAreRefused() throws Exception {
		Path empty = Files.createDirectories(dir.resolve("empty"));
		IOException e = assertThrows(IOException.class, () -> ImageSets.planes(ImageJSource.files(List.of(empty)), 1, 48, w -> {},
			null));
		assertTrue(e.getMessage().contains("no usable training images"), e.getMessage());
		Path a = tiff("a.tif", "8-bit", 64, 64, 1);
		Path copy = Files.copy(a, dir.resolve("copy-of-a.tif"));
		e = assertThrows(IOException.class, () -> ImageSets.checkDisjoint(List.of(ImageJSource.of(a)), List.of(ImageJSource.of(
			copy))));
		assertTrue(e.getMessage().contains("also a training image"), e.getMessage());
		e = assertThrows(IOException.class, () -> ImageSets.holdOut(List.of(a), 1));
		assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
	}

	@Test
	void holdOutIsByFileAndDeterministic() throws Exception {
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < 12; i++) files.add(dir.resolve("f" + i + ".tif"));
		List<List<Path>> split = ImageSets.holdOut(files, 7);
		assertEquals(1, split.get(1).size());
		assertEquals(11, split.get(0).size());
		assertTrue(split.get(0).stream().noneMatch(split.get(1)::contains));
		assertEquals(split, ImageSets.holdOut(files, 7));
	}

	@Test
	void openImagesTrainAsTheyAreAndMustNotBeTheirOwnValidation() throws Exception {
		ImagePlus open = IJ.createImage("unsaved", "8-bit black", 60, 50, 1);
		open.getProcessor().set(5, 5, 200);
		List<TrainingImage> planes = ImageSets.planes(List.of(ImageJSource.of(open)), 1, 48, w -> {}, new PlaneCache(0));
		assertEquals(1, planes.size());
		assertEquals("unsaved", planes.get(0).name());
		assertEquals(200 / 255f, planes.get(0).image().plane(0)[5 * 60 + 5], 1e-6f);
		assertEquals(200, open.getProcessor().get(5, 5), "the open image is not modified");

		IOException same = assertThrows(IOException.class, () -> ImageSets.checkDisjoint(List.of(ImageJSource.of(open)), List.of(
			ImageJSource.of(open))));
		assertTrue(same.getMessage().contains("validation image unsaved is also a training image"), same.getMessage());

		Path file = tiff("b.tif", "8-bit", 64, 64, 1);
		ImagePlus opened = IJ.openImage(file.toString());
		IOException fromFile = assertThrows(IOException.class, () -> ImageSets.checkDisjoint(List.of(ImageJSource.of(file)), List
			.of(ImageJSource.of(opened))));
		assertTrue(fromFile.getMessage().contains("also a training image (b.tif)"), fromFile.getMessage());
		ImageSets.checkDisjoint(List.of(ImageJSource.of(open)), List.of(ImageJSource.of(opened)));
	}

	/** A stack whose pages all differ, saved as one TIFF. */
	private Path noisyStack(String name, String type, int pages, int channels, long seed) {
		ImagePlus imp = IJ.createImage(name, type + " black", 64, 60, pages);
		Random r = new Random(seed);
		for (int s = 1; s <= pages; s++) {
			ImageProcessor ip = imp.getStack().getProcessor(s);
			for (int i = 0; i < 64 * 60; i++) ip.set(i, r.nextInt(type.equals("RGB") ? 1 << 24 : 200 * s + 1));
		}
		if (channels > 1) imp.setDimensions(channels, pages / channels, 1);
		Path p = dir.resolve(name);
		new FileSaver(imp).saveAsTiff(p.toString());
		return p;
	}

	@Test
	void planesOfFilesOverTheCacheBudgetAreReadAgainPageByPageWithTheSameValues() throws Exception {
		noisyStack("a-pages.tif", "16-bit", 3, 1, 1);
		noisyStack("b-channels.tif", "16-bit", 4, 2, 2);
		noisyStack("c-rgb.tif", "RGB", 2, 1, 3);
		tiff("d-single.tif", "32-bit", 70, 60, 1);
		List<ImageSource> files = ImageJSource.files(List.of(dir));
		List<TrainingImage> held = ImageSets.planes(files, 1, 48, w -> {}, null);
		PlaneCache cache = new PlaneCache(4L * 64 * 60);
		List<TrainingImage> cached = ImageSets.planes(files, 1, 48, w -> {}, cache);
		assertEquals(3 + 4 + 2 * 3 + 1, cached.size());
		for (int round = 0; round < 2; round++) {
			for (int k = 0; k < cached.size(); k++) {
				assertTrue(Arrays.equals(held.get(k).image().plane(0), cached.get(k).image().plane(0)), cached.get(k).name());
			}
		}
		assertTrue(cache.reloads() >= cached.size(), "planes were read again: " + cache.reloads());
		assertTrue(cache.used() <= 4L * 64 * 60);
	}

	@Test
	void onePageOfAStackIsThatPage() throws Exception {
		Path file = noisyStack("pages.tif", "16-bit", 3, 1, 4);
		ImagePlus whole = ImageFiles.read(file);
		ImagePlus second = ImageFiles.readPage(file, 2);
		assertEquals(1, second.getStackSize());
		assertTrue(Arrays.equals((short[]) whole.getStack().getPixels(2), (short[]) second.getProcessor().getPixels()));
		assertThrows(IOException.class, () -> ImageFiles.readPage(file, 9));
	}
}
