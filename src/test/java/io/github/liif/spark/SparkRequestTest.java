package io.github.liif.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.runtime.DeviceChoice;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkRequestTest {

	@Test
	void defaultsAreTheCommandLinesAndABuilderBuildsAgainWithChanges() {
		SparkUpscale.Request.Builder b = SparkUpscale.Request.builder(List.of("in"), "out", TargetSize.scale(2));
		SparkUpscale.Request r = b.build();
		b.format("png").chunks(64, 1).model("cells.liif");
		assertNull(r.master());
		assertNull(r.format());
		assertFalse(r.zarr());
		assertEquals(512, r.chunk());
		assertEquals(2, r.blockChunks());
		assertEquals("default", r.model());
		assertFalse(r.modelIsFile());
		assertEquals(DeviceChoice.AUTO, r.device());
		assertEquals(UpscaleOptions.DEFAULT, r.options());
		assertTrue(b.build().modelIsFile(), "a model file is shipped to the executors");
	}

	@Test
	void badCombinationsAreRefusedBeforeSparkStarts() {
		assertEquals("--zarr takes exactly one input image, got 2", assertThrows(IllegalArgumentException.class, () -> SparkUpscale.Request
			.builder(List.of("a", "b"), "out.zarr", TargetSize.scale(2)).zarr(true).build()).getMessage());
		assertEquals("--format must be tif, png or jpg, got bmp", assertThrows(IllegalArgumentException.class, () -> SparkUpscale.Request
			.builder(List.of("a"), "out", TargetSize.scale(2)).format("bmp").build()).getMessage());
		assertThrows(IllegalArgumentException.class, () -> SparkUpscale.Request.builder(List.of("a"), "o.zarr", TargetSize.scale(2)).chunks(8,
			1).build());
	}
}
