package io.github.liif.cli;

import io.github.liif.catalogue.Models;
import io.github.liif.io.ModelFiles;
import io.github.liif.model.LiifModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liif export}: converts a model to .safetensors (reference names) or .liif. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write a model as .safetensors with the reference's state-dict names, or as a .liif model file.")
final class ExportCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "MODEL", description = "natural, microscopy, or a model file.")
	String model;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "FILE", description = "FILE.safetensors or FILE.liif")
	Path output;

	@Option(names = "--overwrite", description = "Replace an existing file.")
	boolean overwrite;

	@Override
	public Integer call() throws Exception {
		LiifModel m = Models.load(model, true);
		String name = output.getFileName().toString();
		if (name.endsWith(".safetensors")) ModelFiles.exportSafetensors(m, output, overwrite);
		else if (name.endsWith(".liif")) ModelFiles.save(m, output, overwrite);
		else throw new IllegalArgumentException("the output must end in .safetensors or .liif: " + output);
		return 0;
	}
}
