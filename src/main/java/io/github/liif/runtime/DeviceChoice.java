package io.github.liif.runtime;

import java.util.Locale;

/** Where the network runs: AUTO picks a GPU when a CUDA engine is present, else the CPU. */
public enum DeviceChoice {
	AUTO, CPU, GPU;

	public static DeviceChoice parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new IllegalArgumentException("unknown device '" + text + "': use auto, cpu or gpu");
		}
	}
}
