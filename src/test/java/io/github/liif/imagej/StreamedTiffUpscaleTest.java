package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ij.IJ;
import ij.ImagePlus;
import io.github.liif.TinyModels;
import io.github.liif.inference.CancelledException;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.network.DecoderMode;
import io.github.liif.network.LiifNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Streaming into TIFF gives the in-memory result, pixel for pixel, with its calibration. */
class StreamedTiffUpscaleTest {

	private static final UpscaleOptions SMALL_TILES = new UpscaleOptions(8, 300, DecoderMode.SPLIT);
	static LiifNetwork gray;
	static LiifNetwork rgb;

	@TempDir
	Path dir;

	@BeforeAll
	static void models() {
		gray = LiifNetwork.create(TinyModels.randomEdsr(1, true, 31), Device.cpu());
		rgb = LiifNetwork.create(TinyModels.randomEdsr(3, true, 32), Device.cpu());
	}

	@AfterAll
	static void close() {
		gray.close();
		rgb.close();
	}

	@ParameterizedTest(name = "{0} {1}, consistency {2}")
	@CsvSource({ "8-bit, false, off", "16-bit, false, off", "32-bit, false, off", "8-bit, true, off", "16-bit, true, off",
		"RGB, false, off", "8-bit, false, bicubic", "16-bit, true, area:2", "RGB, false, blur-noise" })
	void streamedEqualsInMemory(String type, boolean float32, String consistency) throws IOException {
		ImagePlus imp = ImagePlusUpscalerTest.random(type, 27, 19, 1, 1, 1);
		imp.getCalibration().pixelWidth = 0.4;
		imp.getCalibration().pixelHeight = 0.3;
		imp.getCalibration().setUnit("micron");
		if (!type.equals("RGB")) imp.setDisplayRange(10, 200);
		Upscaler upscaler = new Upscaler(type.equals("RGB") ? rgb : gray, SMALL_TILES.withConsistency(Consistency.parse(
			consistency)));
		TargetSize size = TargetSize.scales(2.5, 3.2);
		ImagePlus expected = InjectedUpscales.inMemory(upscaler, imp, size, float32);
		Path file = dir.resolve("out.tif");
		assertTrue(InjectedUpscales.streams(upscaler, imp, float32));
		InjectedUpscales.streamedTiff(upscaler, imp, size, float32, file, false, Monitor.NONE);
		ImagePlus actual = IJ.openImage(file.toString());
		assertEquals(expected.getWidth(), actual.getWidth());
		assertEquals(61, actual.getHeight());
		assertEquals(expected.getBitDepth(), actual.getBitDepth());
		assertEquals(expected.getCalibration().pixelWidth, actual.getCalibration().pixelWidth, 1e-6);
		assertEquals(expected.getCalibration().pixelHeight, actual.getCalibration().pixelHeight, 1e-6);
		assertEquals("micron", actual.getCalibration().getUnit());
		if (!type.equals("RGB")) {
			assertEquals(expected.getDisplayRangeMin(), actual.getDisplayRangeMin(), 1e-9);
			assertEquals(expected.getDisplayRangeMax(), actual.getDisplayRangeMax(), 1e-9);
		}
		Object e = expected.getProcessor().getPixels();
		Object a = actual.getProcessor().getPixels();
		switch (expected.getBitDepth()) {
			case 8 -> assertArrayEquals((byte[]) e, (byte[]) a);
			case 16 -> assertArrayEquals((short[]) e, (short[]) a);
			case 24 -> assertArrayEquals((int[]) e, (int[]) a);
			default -> assertArrayEquals((float[]) e, (float[]) a);
		}
	}

	@Test
	void stacksAndRgbAsFloatAreNotStreamed() {
		Upscaler grayUpscaler = new Upscaler(gray, SMALL_TILES);
		assertFalse(InjectedUpscales.streams(grayUpscaler, ImagePlusUpscalerTest.random("8-bit", 5, 5, 1, 2, 1), false));
		assertFalse(InjectedUpscales.streams(grayUpscaler, ImagePlusUpscalerTest.random("RGB", 5, 5, 1, 1, 1), false));
		assertFalse(InjectedUpscales.streams(new Upscaler(rgb, SMALL_TILES), ImagePlusUpscalerTest.random("RGB", 5, 5, 1, 1, 1),
			true));
	}

	@Test
	void cancelLeavesNoFileAndKeepsAnExistingOne() throws IOException {
		ImagePlus imp = ImagePlusUpscalerTest.random("16-bit", 30, 30, 1, 1, 1);
		Path file = dir.resolve("kept.tif");
		Files.writeString(file, "old");
		Monitor cancelHalfway = new Monitor() {

			long seen;

			@Override
			public void progress(long done, long total) {
				seen = done;
			}

			@Override
			public boolean isCancelled() { return seen > 1000; }
		};
		Upscaler upscaler = new Upscaler(gray, SMALL_TILES);
		assertThrows(CancelledException.class, () -> InjectedUpscales.streamedTiff(upscaler, imp, TargetSize.scale(3), false,
			file, true, cancelHalfway));
		assertEquals("old", Files.readString(file));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(1, files.count(), "no temporary file is left");
		}
	}

	@Test
	void aFileAnotherRunCreatesWhileThisOneWorksIsKeptAndThisRunFails() throws IOException {
		ImagePlus imp = ImagePlusUpscalerTest.random("16-bit", 30, 30, 1, 1, 1);
		Path file = dir.resolve("r.tif");
		Monitor otherRunFinishesFirst = new Monitor() {

			@Override
			public void progress(long done, long total) {
				try {
					if (!Files.exists(file)) Files.writeString(file, "B's result");
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}

			@Override
			public boolean isCancelled() { return false; }
		};
		Upscaler upscaler = new Upscaler(gray, SMALL_TILES);
		IOException e = assertThrows(IOException.class, () -> InjectedUpscales.streamedTiff(upscaler, imp, TargetSize.scale(2),
			false, file, false, otherRunFinishesFirst));
		assertEquals(file + " was created by another run while this one worked; it is left as it is: choose another name or "
			+ "allow overwriting", e.getMessage());
		assertEquals("B's result", Files.readString(file));
		// with overwriting the last writer wins, whole
		InjectedUpscales.streamedTiff(upscaler, imp, TargetSize.scale(2), false, file, true, otherRunFinishesFirst);
		assertEquals(60, IJ.openImage(file.toString()).getWidth());
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(1, files.count(), "no temporary file is left");
		}
	}
}
