package io.github.liif.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.train.TrainingImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training and evaluation sets over any image source: no image library involved. */
class ImageSetsTest {

	@TempDir
	Path dir;

	@Test
	void unreadableAndSmallImagesAreSkippedWithAWarningEachAndNothingUsableIsRefused() throws Exception {
		List<String> warnings = new ArrayList<>();
		List<TrainingImage> planes = ImageSets.planes(List.of(new FakeSource("good"), new FakeSource("broken", 0, null),
			new FakeSource("tiny", 8, null)), 3, 48, warnings::add, null);
		assertEquals(List.of("good"), planes.stream().map(TrainingImage::name).toList());
		assertEquals(3, planes.get(0).image().channels());
		assertEquals(List.of("skipped broken: cannot be read", "skipped tiny: too small"), warnings);
		IOException none = assertThrows(IOException.class, () -> ImageSets.planes(List.of(new FakeSource("tiny", 8, null)), 1, 48,
			w -> {}, null));
		assertEquals(
			"no usable training images in 1 source(s): LIIF Train needs TIFF, PNG or JPEG images of at least 48 x 48 pixels", none
				.getMessage());
	}

	@Test
	void validationMustNotBeTrainingBySourceOrByFileContent() throws Exception {
		Path a = Files.write(dir.resolve("a.tif"), new byte[]{ 1, 2, 3 });
		Path copy = Files.write(dir.resolve("copy.tif"), new byte[]{ 1, 2, 3 });
		Path other = Files.write(dir.resolve("b.tif"), new byte[]{ 4, 5, 6 });
		FakeSource train = new FakeSource("a.tif", 64, a);
		assertEquals(
			"validation image copy.tif is also a training image (a.tif): validation must be held out; use separate images",
			assertThrows(IOException.class, () -> ImageSets.checkDisjoint(List.of(train), List.of(new FakeSource("copy.tif", 64,
				copy)))).getMessage());
		assertThrows(IOException.class, () -> ImageSets.checkDisjoint(List.of(new FakeSource("open")), List.of(new FakeSource(
			"open"))));
		ImageSets.checkDisjoint(List.of(train), List.of(new FakeSource("b.tif", 64, other), new FakeSource("unsaved")));
	}

	@Test
	void theHoldOutIsAboutOneInTenDeterministicAndNeverAll() throws Exception {
		List<Integer> images = new ArrayList<>();
		for (int i = 0; i < 25; i++) images.add(i);
		List<List<Integer>> split = ImageSets.holdOut(images, 7);
		assertEquals(2, split.get(1).size());
		assertEquals(23, split.get(0).size());
		assertTrue(split.get(0).stream().noneMatch(split.get(1)::contains));
		assertEquals(split, ImageSets.holdOut(images, 7));
		assertEquals(1, ImageSets.holdOut(List.of(0, 1), 3).get(0).size(), "two images: one held out, one to train on");
		assertTrue(assertThrows(IOException.class, () -> ImageSets.holdOut(List.of(0), 1)).getMessage().contains("at least 2"));
	}
}
