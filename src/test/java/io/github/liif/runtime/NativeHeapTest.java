package io.github.liif.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class NativeHeapTest {

	@Test
	void loadingTheEngineKeepsFreedBlocksOnLinux() {
		Assumptions.assumeTrue(Platform.isLinux() && System.getenv("MALLOC_MMAP_THRESHOLD_") == null);
		Engines.pytorch();
		// true only when glibc's mallopt was found and called (the effect is measured in docs/bench.txt)
		assertTrue(NativeHeap.tuned());
		assertTrue(NativeHeap.keepFreedBlocks(), "applying twice is harmless");
	}
}
