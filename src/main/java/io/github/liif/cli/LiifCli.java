package io.github.liif.cli;

import io.github.liif.app.ResultTooLargeException;
import io.github.liif.inference.CancelledException;
import io.github.liif.io.WriteFailedException;
import io.github.liif.model.ModelFormatException;
import io.github.liif.runtime.EngineUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/** The {@code liif} command line: one top command with subcommands. */
@Command(name = "liif", mixinStandardHelpOptions = true, version = "LIIF Upscale 0.1.0", description = "Arbitrary-scale super-resolution with LIIF (CVPR 2021).", subcommands = {
	UpscaleCommand.class, TrainCommand.class, EvalCommand.class, BenchCommand.class, CheckCommand.class, SparkCommand.class,
	InfoCommand.class, ExportCommand.class, CommandLine.HelpCommand.class })
public final class LiifCli {

	/** Read by ./liif, which shows the engine's log for it; declared here so that every --help lists it. */
	@Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show the engine's log (DJL, libtorch).")
	boolean verbose;

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
		cli.registerConverter(Path.class, LiifCli::path);
		// a usage error is one line that points to the help, as the README promises
		cli.setParameterExceptionHandler((e, given) -> {
			CommandLine command = e.getCommandLine();
			command.getErr().println("liif: error: " + e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName()
				+ " --help')");
			return BAD_INPUT;
		});
		cli.setExecutionExceptionHandler((e, commandLine, parsed) -> report(e, commandLine.getErr()));
		try {
			return cli.execute(args);
		}
		catch (OutOfMemoryError e) {
			// picocli passes errors on: running out of memory while working is a failure like any other
			return report(e, cli.getErr());
		}
	}

	/** A path argument; one the JVM cannot represent (a C/POSIX locale, see ./liif) says why. */
	private static Path path(String text) {
		try {
			return Path.of(text);
		}
		catch (InvalidPathException e) {
			throw new TypeConversionException("'" + text + "' cannot be represented in this locale's charset (" + System
				.getProperty("sun.jnu.encoding") + "): run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
		}
	}

	/**
	 * One line on stderr and the exit code: {@link #BAD_INPUT} for what is wrong with the request,
	 * refused before any work (a result that cannot fit included); {@link #FAILED} for what went
	 * wrong while working (writing, running out of memory, the engine, a stop).
	 */
	static int report(Throwable e, PrintWriter err) {
		String message = e.getMessage() == null ? e.toString() : e.getMessage();
		if (e instanceof ResultTooLargeException r) {
			err.println("liif: error: " + r.message("raise Java's memory limit with LIIF_JAVA_OPTS=-Xmx" + r.neededHeapGigabytes()
				+ "g (in the environment of ./liif)"));
			return BAD_INPUT;
		}
		if (e instanceof OutOfMemoryError) {
			err.println("liif: error: out of memory (" + message + "); raise Java's memory limit with LIIF_JAVA_OPTS=-Xmx" + Math
				.max(2, 2 * Runtime.getRuntime().maxMemory() >> 30) + "g (in the environment of ./liif)");
			return FAILED;
		}
		err.println("liif: error: " + message);
		if (e instanceof WriteFailedException || e instanceof CancelledException || e instanceof EngineUnavailableException) {
			return FAILED;
		}
		if (e instanceof IllegalArgumentException || e instanceof ModelFormatException || e instanceof IOException) {
			return BAD_INPUT;
		}
		e.printStackTrace(err);
		return FAILED;
	}
}
