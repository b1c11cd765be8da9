package io.github.liif.ij1;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs macros in the real ImageJ 1 laid out by {@code mvn package} in target/imagej, as a separate process. */
final class ImageJRunner {

	static final Path IMAGEJ = Path.of("target", "imagej").toAbsolutePath();

	private ImageJRunner() {}

	/** Output of a run: exit code and everything printed. */
	record Result(int exitCode, String output) {}

	static Result batch(Path macro, String argument) throws IOException, InterruptedException {
		if (!Files.exists(IMAGEJ.resolve("ij.jar"))) throw new IllegalStateException("run 'mvn package' first: no " + IMAGEJ);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Xmx2g", "-jar", IMAGEJ.resolve("ij.jar").toString(), "-ijpath", IMAGEJ.toString(), "-batch", macro.toString()));
		if (argument != null) command.add(argument);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Process p = builder.start();
		byte[] out = p.getInputStream().readAllBytes();
		if (!p.waitFor(5, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new IllegalStateException("ImageJ did not finish");
		}
		return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
	}

	static Result macro(Path dir, String code) throws IOException, InterruptedException {
		Path macro = Files.writeString(dir.resolve("test.ijm"), code);
		return batch(macro, null);
	}
}
