package io.github.liif.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
		assertTrue(NativeHeap.describe().startsWith("freed blocks kept, "), NativeHeap.describe());
	}

	@Test
	void hugePagesAreAskedForOnlyByTheMallocTunable() {
		assertTrue(NativeHeap.hugePagesAsked("glibc.malloc.hugetlb=1"));
		assertTrue(NativeHeap.hugePagesAsked("glibc.malloc.arena_max=1:glibc.malloc.hugetlb=2"));
		assertFalse(NativeHeap.hugePagesAsked("glibc.malloc.hugetlb=0"));
		assertFalse(NativeHeap.hugePagesAsked("glibc.malloc.hugetlb=10"));
		assertFalse(NativeHeap.hugePagesAsked(null));
		assertEquals("transparent huge pages madvise", NativeHeap.transparentHugePages("always [madvise] never"));
		assertEquals("transparent huge pages never", NativeHeap.transparentHugePages("always madvise [never]"));
		assertEquals("unknown", NativeHeap.transparentHugePages(null));
	}
}
