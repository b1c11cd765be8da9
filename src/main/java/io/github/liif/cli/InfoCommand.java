package io.github.liif.cli;

import com.google.gson.GsonBuilder;
import io.github.liif.catalogue.Models;
import io.github.liif.io.ModelFiles;
import io.github.liif.model.LiifModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code liif info MODEL}: prints a model's descriptor. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Print a model's descriptor as JSON.")
final class InfoCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Parameters(paramLabel = "MODEL", description = "natural, microscopy, or a model file.")
	String model;

	@Override
	public Integer call() throws Exception {
		LiifModel m = Models.load(model, true);
		spec.commandLine().getOut().println(new GsonBuilder().setPrettyPrinting().create().toJson(ModelFiles.descriptorJson(m)));
		return 0;
	}
}
