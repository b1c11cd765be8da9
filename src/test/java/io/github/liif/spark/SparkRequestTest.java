package io.github.liif.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.app.UpscaleRequest;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.ZScale;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkRequestTest {

	@Test
	void defaultsAreTheCommandLinesAndABuilderBuildsAgainWithChanges() {
		SparkUpscale.Request.Builder b = SparkUpscale.Request.builder(List.of("in"), "out", UpscaleRequest.builder(TargetSize
			.scale(2)).build());
		SparkUpscale.Request r = b.build();
		b.format("png").chunks(64, 1);
		assertNull(r.master());
		assertNull(r.format());
		assertFalse(r.zarr());
		assertEquals(512, r.chunk());
		assertEquals(2, r.blockChunks());
		assertFalse(r.overwrite());
		assertEquals("png", b.build().format(), "the builder builds again with the changes");
		assertEquals(512, r.chunk(), "a built request does not change with its builder");
		assertFalse(r.modelIsFile());
		assertTrue(SparkUpscale.Request.builder(List.of("in"), "out", UpscaleRequest.builder(TargetSize.scale(2)).model(
			"cells.liif").build()).build().modelIsFile(), "a model file is shipped to the executors");
	}

	private static final UpscaleRequest UPSCALE = UpscaleRequest.builder(TargetSize.scale(2)).build();

	@Test
	void badCombinationsAreRefusedBeforeSparkStarts() {
		assertEquals("--scale-z runs with 'liif upscale' (each Z-stack on one machine); Spark jobs scale XY", assertThrows(
			IllegalArgumentException.class, () -> SparkUpscale.Request.builder(List.of("a"), "out", UpscaleRequest.builder(
				TargetSize.scale(2)).z(ZScale.parse("2")).build()).build()).getMessage());
		assertEquals("--zarr takes exactly one input image, got 2", assertThrows(IllegalArgumentException.class,
			() -> SparkUpscale.Request.builder(List.of("a", "b"), "out.zarr", UPSCALE).zarr(true).build()).getMessage());
		assertEquals("--format must be tif, png or jpg, got bmp", assertThrows(IllegalArgumentException.class,
			() -> SparkUpscale.Request.builder(List.of("a"), "out", UPSCALE).format("bmp").build()).getMessage());
		assertThrows(IllegalArgumentException.class, () -> SparkUpscale.Request.builder(List.of("a"), "o.zarr", UPSCALE).chunks(8,
			1).build());
	}
}
