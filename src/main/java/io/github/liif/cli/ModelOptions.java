package io.github.liif.cli;

import picocli.CommandLine.Option;

/** The model option of the commands that run a model. */
final class ModelOptions {

	@Option(names = { "-m",
		"--model" }, defaultValue = "default", paramLabel = "MODEL", description = "default (natural for RGB, microscopy otherwise), natural, microscopy, or a model file "
			+ "(.liif, reference .pth, .safetensors, .npz). Default: ${DEFAULT-VALUE}.")
	String model;
}
