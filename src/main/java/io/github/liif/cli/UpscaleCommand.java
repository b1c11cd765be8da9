package io.github.liif.cli;

import ij.ImagePlus;
import io.github.liif.engine.Models;
import io.github.liif.imagej.ImageFiles;
import io.github.liif.imagej.ImagePlusUpscaler;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.model.LiifModel;
import io.github.liif.network.DecoderMode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
		Map<String, Upscaler> upscalers = new HashMap<>();
		try {
			int index = 0;
			for (Map.Entry<Path, Path> job : jobs.entrySet()) {
				index++;
				ImagePlus imp = ImageFiles.read(job.getKey());
				if (float32 && !ImageFiles.extension(job.getValue()).startsWith("tif")) {
					throw new IllegalArgumentException("--float needs a .tif output, not " + job.getValue().getFileName());
				}
				boolean rgb = imp.getBitDepth() == 24;
				String name = Models.DEFAULT.equalsIgnoreCase(modelOptions.model) ? Models.defaultFor(rgb) : modelOptions.model;
				Upscaler upscaler = upscalers.get(name);
				if (upscaler == null) {
					LiifModel model = Models.load(name, rgb);
					upscaler = Models.upscaler(model, deviceOptions.deviceChoice(), options);
					upscalers.put(name, upscaler);
				}
				String label = String.format("%s (%d/%d)", job.getKey().getFileName(), index, jobs.size());
				ImagePlus result = new ImagePlusUpscaler(upscaler).upscale(imp, size, float32,
					new ConsoleProgress(spec.commandLine().getErr(), label));
				ImageFiles.write(result, job.getValue(), overwrite);
			}
		}
		finally {
			upscalers.values().forEach(u -> u.network().close());
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
