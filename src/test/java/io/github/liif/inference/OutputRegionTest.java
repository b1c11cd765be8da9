package io.github.liif.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.liif.TinyModels;
import io.github.liif.image.PlanarImage;
import io.github.liif.network.DecoderMode;
import io.github.liif.network.LiifNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output regions (for work split across machines) and rows handed over in order (for streamed files). */
class OutputRegionTest {

	private static final UpscaleOptions SMALL_TILES = new UpscaleOptions(9, 50, DecoderMode.SPLIT);

	@Test
	void regionsTogetherEqualTheWholeUpscaleExactly() {
		PlanarImage in = TiledUpscaleTest.random(3, 31, 26, 4);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(3, true, 8), Device.cpu())) {
			Upscaler upscaler = new Upscaler(net, SMALL_TILES);
			PlanarImage whole = upscaler.upscale(in, 78, 59, Monitor.NONE);
			int[][] cuts = { { 0, 0, 40, 32 }, { 0, 32, 40, 27 }, { 40, 0, 38, 32 }, { 40, 32, 38, 27 }, { 13, 5, 1, 50 } };
			for (int[] c : cuts) {
				OutputRegion region = new OutputRegion(c[0], c[1], c[2], c[3]);
				int[] count = { 0 };
				upscaler.upscale(in, 78, 59, region, (y0, x0, h, w, values) -> {
					assertTrue(y0 >= region.y0() && y0 + h <= region.y0() + region.height() && x0 >= region.x0() && x0
						+ w <= region.x0() + region.width(), "block outside the region");
					for (int i = 0; i < h * w * 3; i++) {
						int y = y0 + i / 3 / w;
						int x = x0 + i / 3 % w;
						assertEquals(whole.plane(i % 3)[y * 59 + x], values[i], 0f, "pixel " + x + "," + y);
					}
					count[0] += h * w;
				}, Monitor.NONE);
				assertEquals(region.pixels(), count[0]);
			}
		}
	}

	@Test
	void regionOutsideTheOutputIsRefused() {
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(1, true, 8), Device.cpu())) {
			PlanarImage in = TiledUpscaleTest.random(1, 10, 10, 4);
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Upscaler(net, SMALL_TILES)
				.upscale(in, 20, 20, new OutputRegion(15, 0, 10, 5), (y0, x0, h, w, v) -> {}, Monitor.NONE));
			assertTrue(e.getMessage().contains("outside the 20 x 20 output"), e.getMessage());
		}
	}

	@Test
	void rowsArriveInOrderOnceEachEvenWhenBlocksRepeat() {
		OutputRegion region = new OutputRegion(10, 3, 4, 5);
		List<Integer> order = new ArrayList<>();
		List<float[]> rows = new ArrayList<>();
		RowAssembler assembler = new RowAssembler(region, 2, (y, values) -> {
			order.add(y);
			rows.add(values);
		});
		// right half of rows 10-11, then left half: rows 10 and 11 complete
		assembler.accept(10, 6, 2, 2, new float[]{ 1, 1, 2, 2, 3, 3, 4, 4 });
		assertTrue(order.isEmpty());
		assembler.accept(10, 3, 2, 3, new float[12]);
		assertEquals(List.of(10, 11), order);
		// a retry hands rows 10-13 over again in other blocks: 10 and 11 are not repeated
		assembler.accept(10, 3, 4, 5, new float[40]);
		assertEquals(List.of(10, 11, 12, 13), order);
		assertTrue(assembler.isComplete());
		assertArrayEquals(new float[]{ 0, 0, 0, 0, 0, 0, 1, 1, 2, 2 }, rows.get(0));
	}

	@Test
	void onlyLibtorchsOutOfMemoryErrorsRetryWithSmallerTiles() {
		assertTrue(Upscaler.isOutOfMemory(new RuntimeException(
			"[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough "
				+ "memory: you tried to allocate 3221225472 bytes.")));
		assertTrue(Upscaler.isOutOfMemory(new RuntimeException("CUDA out of memory. Tried to allocate 2.00 GiB")));
		assertTrue(Upscaler.isOutOfMemory(new RuntimeException("std::bad_alloc")));
		assertFalse(Upscaler.isOutOfMemory(new RuntimeException("Expected all tensors to be on the same device")));
		assertFalse(Upscaler.isOutOfMemory(new RuntimeException("memory format is not contiguous")));
		assertFalse(Upscaler.isOutOfMemory(new RuntimeException((String) null)));
	}
}
