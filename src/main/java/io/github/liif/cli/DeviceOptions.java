package io.github.liif.cli;

import io.github.liif.runtime.DeviceChoice;
import io.github.liif.runtime.Engines;
import picocli.CommandLine.Option;

/** Where and on how many threads the network runs. */
final class DeviceOptions {

	@Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu", description = "Where to run; gpu needs DJL's CUDA build of libtorch. Default: ${DEFAULT-VALUE}.")
	String device;

	@Option(names = "--threads", paramLabel = "N", description = "CPU threads for the network (default: all cores).")
	Integer threads;

	DeviceChoice deviceChoice() {
		return DeviceChoice.parse(device);
	}

	void applyThreads() {
		if (threads == null) return;
		if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
		Engines.setThreads(threads);
	}
}
