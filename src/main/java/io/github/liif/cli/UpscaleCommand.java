package io.github.liif.cli;

import io.github.liif.imagej.FileUpscaler;
import io.github.liif.imagej.ImageFiles;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.network.DecoderMode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code liif upscale}: files or folders in, same names and formats out. */
@Command(name = "upscale", mixinStandardHelpOptions = true,
	description = "Upscale images (TIFF 8/16/32-bit, gray, RGB, multi-page; PNG; JPEG) by any factor.")
final class UpscaleCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	ModelOptions modelOptions = new ModelOptions();

	@Mixin
	DeviceOptions deviceOptions = new DeviceOptions();

	@ArgGroup(exclusive = true, multiplicity = "1")
	Target target;

	static final class Target {

		@Option(names = "--scale", paramLabel = "S", description = "Scale both axes by S (any real number >= 1).")
		Double scale;

		@ArgGroup(exclusive = false)
		Axes axes;

		@Option(names = "--size", paramLabel = "WxH", description = "Explicit output size in pixels.")
		String size;
	}

	static final class Axes {

		@Option(names = "--scale-x", required = true, paramLabel = "SX", description = "Horizontal scale.")
		double x;

		@Option(names = "--scale-y", required = true, paramLabel = "SY", description = "Vertical scale.")
		double y;
	}

	@Option(names = "--tile", defaultValue = "256", paramLabel = "N",
		description = "LR tile edge in pixels; memory grows with its square. Default: ${DEFAULT-VALUE}.")
	int tile;

	@Option(names = "--batch", defaultValue = "2048", paramLabel = "N", description = "Output pixels per decoder batch.")
	int batch;

	@Option(names = "--decoder", defaultValue = "SPLIT", paramLabel = "SPLIT|REFERENCE",
		description = "Decoder formulation (same values): SPLIT (fast) or REFERENCE. Default: ${DEFAULT-VALUE}.")
	DecoderMode decoder;

	@Option(names = "--float", description = "Write 32-bit float results instead of the input's bit depth.")
	boolean float32;

	@Option(names = "--overwrite", description = "Replace existing output files.")
	boolean overwrite;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "OUTPUT",
		description = "Output file (one input) or folder.")
	Path output;

	@Parameters(arity = "1..*", paramLabel = "INPUT", description = "Image files or folders.")
	List<Path> inputs;

	@Override
	public Integer call() throws Exception {
		TargetSize size = targetSize();
		UpscaleOptions options = new UpscaleOptions(tile, batch, decoder);
		Map<Path, Path> jobs = plan(expand(inputs));
		deviceOptions.applyThreads();
		FileUpscaler files = new FileUpscaler(modelOptions.model, deviceOptions.deviceChoice(), options);
		int index = 0;
		for (Map.Entry<Path, Path> job : jobs.entrySet()) {
			index++;
			String label = String.format("%s (%d/%d)", job.getKey().getFileName(), index, jobs.size());
			files.upscale(job.getKey(), job.getValue(), size, float32, overwrite, new ConsoleProgress(spec.commandLine().getErr(), label));
		}
		return 0;
	}

	private TargetSize targetSize() {
		if (target.scale != null) return TargetSize.scale(target.scale);
		if (target.axes != null) return TargetSize.scales(target.axes.x, target.axes.y);
		String[] parts = target.size.toLowerCase().split("x");
		try {
			return TargetSize.size(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("--size must look like 640x480, got '" + target.size + "'");
		}
	}

	/** Input files: files as given, folders by their supported images (not recursive). */
	static List<Path> expand(List<Path> inputs) throws IOException {
		List<Path> files = ImageFiles.list(inputs);
		if (files.isEmpty()) throw new IOException("no images found in " + inputs);
		return files;
	}

	/** Input -> output; refuses existing outputs (unless --overwrite) and writing over an input, before any work. */
	private Map<Path, Path> plan(List<Path> files) throws IOException {
		boolean single = files.size() == 1 && !Files.isDirectory(output) && ImageFiles.isSupported(output);
		if (!single) Files.createDirectories(output);
		Map<Path, Path> jobs = new LinkedHashMap<>();
		for (Path in : files) {
			Path out = single ? output : output.resolve(in.getFileName());
			if (float32 && !ImageFiles.extension(out).startsWith("tif")) {
				throw new IllegalArgumentException("--float needs a .tif output, not " + out.getFileName());
			}
			if (Files.exists(out) && Files.isSameFile(in, out)) {
				throw new IOException(out + " is the input itself; the input is never overwritten");
			}
			if (Files.exists(out) && !overwrite) {
				throw new FileAlreadyExistsException(out + " exists; use --overwrite to replace it");
			}
			jobs.put(in, out);
		}
		return jobs;
	}
}
