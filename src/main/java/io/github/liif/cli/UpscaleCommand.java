package io.github.liif.cli;

import io.github.liif.app.UpscaleRequest;
import io.github.liif.app.UpscaleService;
import io.github.liif.imagej.ImageFiles;
import io.github.liif.imagej.ImageJFiles;
import io.github.liif.inference.Monitor;
import io.github.liif.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code liif upscale}: files or folders in, same names and formats out. */
@Command(name = "upscale", mixinStandardHelpOptions = true, description = "Upscale images (TIFF 8/16/32-bit, gray, RGB, multi-page; PNG; JPEG; GIF; BMP) by any factor.")
final class UpscaleCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	UpscaleSettings settings = new UpscaleSettings();

	@Option(names = { "-o",
		"--output" }, required = true, paramLabel = "OUTPUT", description = "Output file (one input) or folder.")
	Path output;

	@Option(names = "--uncertainty", paramLabel = "FILE.tif", description = "Also write where the model invented: per pixel "
		+ "and channel the standard deviation of its predictions on the 8 flips and rotations of the input (before the "
		+ "consistency step), in the image's units, as a 32-bit TIFF with the result's size and calibration (one input only; "
		+ "about 8x the time again; not along Z).")
	Path uncertainty;

	@Parameters(arity = "1..*", paramLabel = "INPUT", description = "Image files or folders.")
	List<Path> inputs;

	@Override
	public Integer call() throws Exception {
		UpscaleRequest request = settings.request();
		boolean overwrite = settings.overwrite;
		List<String> refused = new ArrayList<>();
		Map<Path, Path> jobs = plan(expand(inputs, refused), request);
		if (uncertainty != null) checkUncertainty(jobs, uncertainty, overwrite);
		settings.device.applyThreads();
		ImageJFiles files = new ImageJFiles();
		int index = 0;
		// the output folder is made only now, and removed again if the run fails before writing into it
		Path madeFolder = null;
		Path folder = jobs.values().iterator().next().toAbsolutePath().getParent();
		if (!Files.exists(folder)) {
			Files.createDirectories(folder);
			madeFolder = folder;
		}
		// Ctrl-C: the current image stops and its temporary output is removed before the JVM exits
		try (StopSignal stop = new StopSignal()) {
			for (Map.Entry<Path, Path> job : jobs.entrySet()) {
				index++;
				String label = String.format("%s (%d/%d)", job.getKey().getFileName(), index, jobs.size());
				Supplier<Monitor> progress = () -> new ConsoleProgress(spec.commandLine().getErr(), label, stop);
				if (uncertainty == null) {
					UpscaleService.upscaleFile(request, job.getKey(), job.getValue(), overwrite, files, progress.get());
				}
				else {
					UpscaleService.upscaleFile(request, job.getKey(), job.getValue(), uncertainty, overwrite, files,
						new ConsoleProgress(spec.commandLine().getErr(), label + " uncertainty", stop), progress);
				}
			}
		}
		catch (Exception | Error e) {
			if (madeFolder != null) removeIfEmpty(madeFolder);
			throw e;
		}
		// the others are done; the refused ones were reported as they were found
		return refused.isEmpty() ? 0 : LiifCli.BAD_INPUT;
	}

	/** The uncertainty goes with one result, into a TIFF of its own that is not the result nor an input. */
	private static void checkUncertainty(Map<Path, Path> jobs, Path uncertainty, boolean overwrite) throws IOException {
		if (jobs.size() != 1) {
			throw new IllegalArgumentException("--uncertainty goes with one input image, not " + jobs.size()
				+ ": upscale them one by one");
		}
		Map.Entry<Path, Path> job = jobs.entrySet().iterator().next();
		if (uncertainty.toAbsolutePath().normalize().equals(job.getValue().toAbsolutePath().normalize()) || uncertainty
			.toAbsolutePath().normalize().equals(job.getKey().toAbsolutePath().normalize()))
		{
			throw new IllegalArgumentException("--uncertainty needs a file of its own, not " + uncertainty);
		}
		if (Files.exists(uncertainty) && !overwrite) {
			throw new FileAlreadyExistsException(uncertainty + " exists; use --overwrite to replace it");
		}
		AtomicFiles.checkWritableFolder(uncertainty.toAbsolutePath().getParent());
	}

	private static void removeIfEmpty(Path folder) {
		try (var entries = Files.list(folder)) {
			if (entries.findAny().isEmpty()) Files.delete(folder);
		}
		catch (IOException e) {
			// the folder stays; the run's own error is the one to report
		}
	}

	/**
	 * Input files: files as given, folders by their supported images (not recursive).
	 *
	 * @param refused collects (and reports) files passed over, such as names this JVM cannot represent */
	private List<Path> expand(List<Path> inputs, List<String> refused) throws IOException {
		List<Path> files = ImageFiles.list(inputs, reason -> {
			spec.commandLine().getErr().println("liif: " + reason);
			refused.add(reason);
		});
		if (files.isEmpty()) throw new IOException("no images found in " + inputs);
		return files;
	}

	/**
	 * Input -> output; refuses existing outputs (unless --overwrite), writing over an input and
	 * outputs of a type that cannot be written, before any work and before anything is created.
	 * One input and an OUTPUT that is not a folder and is named like an image: OUTPUT is the result file.
	 */
	private Map<Path, Path> plan(List<Path> files, UpscaleRequest request) throws IOException {
		boolean single = files.size() == 1 && !Files.isDirectory(output) && ImageFiles.isSupported(output);
		if (single && !ImageFiles.isWritable(output)) {
			throw new IllegalArgumentException("cannot write " + output.getFileName() + ": give OUTPUT as .tif, .png or .jpg");
		}
		if (!single && Files.exists(output) && !Files.isDirectory(output)) {
			throw new IllegalArgumentException("OUTPUT must be a folder when there are several inputs (" + files.size()
				+ " images), but " + output + " is a file");
		}
		AtomicFiles.checkWritableFolder(!single ? output : output.getParent() != null ? output.getParent() : output
			.toAbsolutePath().getParent());
		Map<Path, Path> jobs = new LinkedHashMap<>();
		for (Path in : files) {
			Path out = single ? output : output.resolve(ImageFiles.resultName(in));
			UpscaleService.checkOutput(request, out);
			if (Files.exists(out) && Files.isSameFile(in, out)) {
				throw new IOException(out + " is the input itself; the input is never overwritten");
			}
			if (Files.exists(out) && !settings.overwrite) {
				throw new FileAlreadyExistsException(out + " exists; use --overwrite to replace it");
			}
			jobs.put(in, out);
		}
		return jobs;
	}
}
