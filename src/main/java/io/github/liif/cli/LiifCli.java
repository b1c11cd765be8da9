package io.github.liif.cli;

import io.github.liif.inference.CancelledException;
import io.github.liif.model.ModelFormatException;
import io.github.liif.runtime.EngineUnavailableException;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code liif} command line: one top command with subcommands. */
@Command(name = "liif", mixinStandardHelpOptions = true, version = "LIIF Upscale 0.1.0", description = "Arbitrary-scale super-resolution with LIIF (CVPR 2021).", subcommands = {
	UpscaleCommand.class, TrainCommand.class, EvalCommand.class, BenchCommand.class, CheckCommand.class, SparkCommand.class,
	InfoCommand.class, ExportCommand.class, CommandLine.HelpCommand.class })
public final class LiifCli {

	/** Exit code for invalid input (arguments, files, models). */
	public static final int BAD_INPUT = 2;
	/** Exit code for a failure while running. */
	public static final int FAILED = 1;

	public static void main(String[] args) {
		System.exit(run(args));
	}

	public static int run(String... args) {
		System.setProperty("java.awt.headless", "true");
		CommandLine cli = new CommandLine(new LiifCli());
		cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
			String message = e.getMessage() == null ? e.toString() : e.getMessage();
			commandLine.getErr().println("liif: error: " + message);
			if (e instanceof IllegalArgumentException || e instanceof ModelFormatException || e instanceof IOException) {
				return BAD_INPUT;
			}
			if (e instanceof CancelledException || e instanceof EngineUnavailableException) return FAILED;
			e.printStackTrace(commandLine.getErr());
			return FAILED;
		});
		return cli.execute(args);
	}
}
