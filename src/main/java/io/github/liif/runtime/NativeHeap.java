package io.github.liif.runtime;

import com.sun.jna.Function;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes glibc's allocator keep freed blocks of up to 256 MB for reuse. By default glibc maps
 * blocks of libtorch's sizes (one activation, one decoder or training batch: a few to a few
 * hundred MB) fresh from the kernel and unmaps them when freed, so every tensor pays its pages'
 * faults and zeroing again. On a 2-core machine that was half the time of an upscale (about a
 * million page faults for 256 x 256 -> x2, ~110 thousand with this) and more than half of a
 * training iteration of the bundled models; see docs/bench.txt. The same as setting
 * {@code MALLOC_MMAP_THRESHOLD_} and {@code MALLOC_TOP_PAD_} before start, done from inside
 * so that Fiji and Spark executors get it too. Only on Linux; anywhere it is not possible it
 * does nothing. Opt out with {@code -Dliif.nativeHeap=default}.
 *
 * <p>Freed blocks at the top of the heap are kept too (the trim threshold, 2 GB): a training step
 * frees and takes back hundreds of MB at a time. Both settings act on glibc's main arena only;
 * every thread uses it when {@code MALLOC_ARENA_MAX=1} is set before the process starts (the
 * launcher does; for Fiji or Spark executors, set it in their environment). Without it, threads
 * get arenas of 64 MB heaps, and blocks larger than that are mapped fresh whatever the settings:
 * {@code liif bench --train} took 4.7 million page faults without, 0.7 million with, and the
 * paper-size step ran 1.4-1.8x faster (docs/bench.txt).
 */
public final class NativeHeap {

	// glibc malloc.h
	private static final int M_TOP_PAD = -2;
	private static final int M_TRIM_THRESHOLD = -1;
	private static final int M_MMAP_THRESHOLD = -3;
	static final int MMAP_THRESHOLD = 256 << 20;
	/** The most that older glibc accepts on 64-bit (HEAP_MAX_SIZE / 2); this machine has 2.36, which takes more. */
	static final int OLD_GLIBC_MMAP_THRESHOLD = 32 << 20;
	static final int TOP_PAD = 64 << 20;
	static final int TRIM_THRESHOLD = Integer.MAX_VALUE;

	private static volatile boolean tuned;

	private NativeHeap() {}

	/** Applies the settings once; true when they are in effect. */
	static synchronized boolean keepFreedBlocks() {
		if (tuned) return true;
		if (!Platform.isLinux() || "default".equals(System.getProperty("liif.nativeHeap"))) return false;
		// the user's own MALLOC_* settings win
		if (System.getenv("MALLOC_MMAP_THRESHOLD_") != null || System.getenv("MALLOC_TOP_PAD_") != null || System.getenv(
			"MALLOC_TRIM_THRESHOLD_") != null) return false;
		tuned = (mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) || mallopt(M_MMAP_THRESHOLD, OLD_GLIBC_MMAP_THRESHOLD)) && mallopt(
			M_TOP_PAD, TOP_PAD) && mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD);
		return tuned;
	}

	/** Whether the settings are in effect in this process. */
	public static boolean tuned() {
		return tuned;
	}

	/**
	 * The allocator settings this process runs with, for benchmark output: its figures depend on
	 * them (docs/bench.txt), and the ones set before start cannot be changed from inside.
	 */
	public static String describe() {
		String arenas = System.getenv("MALLOC_ARENA_MAX");
		return String.format("freed blocks %s, malloc arenas %s, huge pages %s (kernel: %s)", tuned ? "kept" : "glibc's default",
			arenas == null ? "glibc's default" : arenas, hugePagesAsked(System.getenv("GLIBC_TUNABLES")) ? "asked for"
				: "not asked for", transparentHugePages(readFirstLine(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"))));
	}

	/** Whether glibc tunables (name=value:name=value) ask malloc for huge pages. */
	static boolean hugePagesAsked(String tunables) {
		if (tunables == null) return false;
		for (String setting : tunables.split(":")) {
			if (setting.equals("glibc.malloc.hugetlb=1") || setting.equals("glibc.malloc.hugetlb=2")) return true;
		}
		return false;
	}

	/** The kernel's transparent huge page mode from its sysfs line ("always [madvise] never" -> "madvise"). */
	static String transparentHugePages(String line) {
		if (line == null) return "unknown";
		int open = line.indexOf('[');
		int close = line.indexOf(']', open + 1);
		return open < 0 || close < 0 ? "unknown" : "transparent huge pages " + line.substring(open + 1, close);
	}

	private static String readFirstLine(Path file) {
		try {
			return Files.readAllLines(file).stream().findFirst().orElse(null);
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/** glibc's mallopt; false where it refused the value or does not exist. */
	static boolean mallopt(int parameter, int value) {
		try {
			return Function.getFunction("c", "mallopt").invokeInt(new Object[]{ parameter, value }) == 1;
		}
		catch (LinkageError | RuntimeException e) {
			return false;
		}
	}
}
