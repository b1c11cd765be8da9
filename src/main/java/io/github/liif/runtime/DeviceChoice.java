package io.github.liif.runtime;

import java.util.Arrays;
import java.util.Locale;

/** Where the network runs: AUTO picks a GPU when a CUDA engine is present, else the CPU. */
public enum DeviceChoice {
	AUTO, CPU, GPU;

	/**
	 * The ids as constants, for annotations (which take no computed values); a test checks that
	 * they are {@link #ids()}.
	 */
	public static final String AUTO_ID = "auto", CPU_ID = "cpu", GPU_ID = "gpu";

	/** The name on the command line, in dialogs and macros. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Every choice's id, in order. */
	public static String[] ids() {
		return Arrays.stream(values()).map(DeviceChoice::id).toArray(String[]::new);
	}

	public static DeviceChoice parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new IllegalArgumentException("unknown device '" + text + "': use auto, cpu or gpu");
		}
	}
}
