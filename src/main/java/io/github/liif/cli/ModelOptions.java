package io.github.liif.cli;

import io.github.liif.engine.DeviceChoice;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a model. */
final class ModelOptions {

	@Option(names = { "-m", "--model" }, defaultValue = "default", paramLabel = "MODEL",
		description = "default (natural for RGB, microscopy otherwise), natural, microscopy, or a model file "
			+ "(.liif, reference .pth, .safetensors, .npz). Default: ${DEFAULT-VALUE}.")
	String model;

	@Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
		description = "Where to run; gpu needs DJL's CUDA build of libtorch. Default: ${DEFAULT-VALUE}.")
	String device;

	@Option(names = "--threads", paramLabel = "N", description = "CPU threads for the network (default: all cores).")
	Integer threads;

	DeviceChoice deviceChoice() {
		return DeviceChoice.parse(device);
	}

	void applyThreads() {
		if (threads == null) return;
		if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
		io.github.liif.engine.Engines.setThreads(threads);
	}
}
