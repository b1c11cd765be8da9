package io.github.liif.runtime;

import com.sun.jna.Function;
import com.sun.jna.Platform;

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
 */
public final class NativeHeap {

	// glibc malloc.h
	private static final int M_TOP_PAD = -2;
	private static final int M_MMAP_THRESHOLD = -3;
	static final int MMAP_THRESHOLD = 256 << 20;
	/** The most that older glibc accepts on 64-bit (HEAP_MAX_SIZE / 2); this machine has 2.36, which takes more. */
	static final int OLD_GLIBC_MMAP_THRESHOLD = 32 << 20;
	static final int TOP_PAD = 64 << 20;

	private static volatile boolean tuned;

	private NativeHeap() {}

	/** Applies the settings once; true when they are in effect. */
	static synchronized boolean keepFreedBlocks() {
		if (tuned) return true;
		if (!Platform.isLinux() || "default".equals(System.getProperty("liif.nativeHeap"))) return false;
		// the user's own MALLOC_* settings win
		if (System.getenv("MALLOC_MMAP_THRESHOLD_") != null || System.getenv("MALLOC_TOP_PAD_") != null) return false;
		tuned = (mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) || mallopt(M_MMAP_THRESHOLD, OLD_GLIBC_MMAP_THRESHOLD))
			&& mallopt(M_TOP_PAD, TOP_PAD);
		return tuned;
	}

	/** Whether the settings are in effect in this process. */
	public static boolean tuned() {
		return tuned;
	}

	/** glibc's mallopt; false where it refused the value or does not exist. */
	static boolean mallopt(int parameter, int value) {
		try {
			return Function.getFunction("c", "mallopt").invokeInt(new Object[] { parameter, value }) == 1;
		}
		catch (LinkageError | RuntimeException e) {
			return false;
		}
	}
}
