package io.github.liif.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import io.github.liif.eval.Evaluation;
import io.github.liif.image.PlanarImage;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.train.PlaneCache;
import io.github.liif.train.TrainingImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns image files or open images into training and validation planes: every page of a
 * multi-page file (channels, slices, time points) becomes a plane, normalised as the upscaler
 * normalises it (8-bit and RGB by 255, 16/32-bit by per-channel percentiles). A gray model
 * takes each colour of an RGB image as its own plane; a colour model takes gray planes
 * replicated to three channels.
 */
public final class TrainingData {

	private TrainingData() {}

	/**
	 * Reads the files; unreadable ones and planes smaller than {@code minSize} are skipped with a
	 * warning. Throws if nothing usable is left.
	 */
	public static List<TrainingImage> load(List<Path> files, int modelChannels, int minSize, Consumer<String> warn)
		throws IOException
	{
		return loadSources(files.stream().map(TrainingSource::of).toList(), modelChannels, minSize, warn, null);
	}

	/**
	 * As {@link #load}, for files and open images; planes of files go into {@code cache} (when
	 * given) rather than being held, so that memory stays within its budget.
	 */
	public static List<TrainingImage> loadSources(List<TrainingSource> sources, int modelChannels, int minSize, Consumer<String> warn,
		PlaneCache cache) throws IOException
	{
		List<TrainingImage> out = new ArrayList<>();
		for (TrainingSource source : sources) {
			ImagePlus imp;
			try {
				imp = source.read();
			}
			catch (IOException e) {
				warn.accept("skipped " + e.getMessage());
				continue;
			}
			if (imp.getType() == ImagePlus.COLOR_256) {
				warn.accept("skipped " + source.name() + ": 8-bit colour (palette) images must be converted to RGB first");
				continue;
			}
			IntensityRange[] ranges = intensityRanges(imp);
			int pages = imp.getStackSize();
			for (int page = 1; page <= pages; page++) {
				String label = pages > 1 ? source.name() + " #" + page : source.name();
				IntensityRange range = ranges[(page - 1) % imp.getNChannels()];
				List<TrainingImage> planes = pagePlanes(imp.getStack().getProcessor(page), label, range, modelChannels);
				for (int k = 0; k < planes.size(); k++) {
					TrainingImage t = planes.get(k);
					if (t.width() < minSize || t.height() < minSize) {
						warn.accept("skipped " + t.name() + ": " + t.width() + " x " + t.height() + " is smaller than a training patch ("
							+ minSize + " x " + minSize + ")");
					}
					else if (cache == null || source.file() == null) {
						out.add(t);
					}
					else {
						Path file = source.file();
						int p = page;
						int part = k;
						// read again: only this page, normalised with the range of the whole file found now
						out.add(TrainingImage.cached(t.name(), t.image(), t.eightBit(), t.levels(), cache, () -> pagePlanes(readAgain(file, p),
							label, range, modelChannels).get(part).image()));
					}
				}
			}
		}
		if (out.isEmpty()) {
			throw new IOException("no usable training images in " + sources.size() + " source(s): LIIF Train needs TIFF, PNG or "
				+ "JPEG images of at least " + minSize + " x " + minSize + " pixels");
		}
		return out;
	}

	private static ij.process.ImageProcessor readAgain(Path file, int page) {
		try {
			return ImageFiles.readPage(file, page).getProcessor();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException("cannot read the training image " + file.getFileName() + " again: " + e.getMessage(), e);
		}
	}

	private static IntensityRange[] intensityRanges(ImagePlus imp) {
		return ImagePlusUpscaler.intensityRanges(imp, new java.awt.Rectangle(0, 0, imp.getWidth(), imp.getHeight()));
	}

	/** One page (stack slice), normalised: one training image, or three gray ones from RGB for a gray model. */
	private static List<TrainingImage> pagePlanes(ij.process.ImageProcessor ip, String label, IntensityRange range, int modelChannels) {
		int w = ip.getWidth();
		int h = ip.getHeight();
		boolean rgb = ip.getBitDepth() == 24;
		if (rgb) {
			float[][] colours = new float[3][];
			for (int k = 0; k < 3; k++) colours[k] = PlaneCodec.normalise(PlaneCodec.raw(ip, k), range);
			if (modelChannels == 3) return List.of(new TrainingImage(label, new PlanarImage(h, w, colours), true));
			List<TrainingImage> out = new ArrayList<>();
			for (int k = 0; k < 3; k++) {
				out.add(new TrainingImage(label + " " + "RGB".charAt(k), new PlanarImage(h, w, new float[][] { colours[k] }), true));
			}
			return out;
		}
		float[] plane = PlaneCodec.normalise(PlaneCodec.raw(ip, 0), range);
		float[][] planes = new float[modelChannels][];
		Arrays.fill(planes, plane);
		return List.of(new TrainingImage(label, new PlanarImage(h, w, planes), ip.getBitDepth() == 8, range.levelsPerUnit()));
	}

	public static List<Evaluation.Image> asEvaluationImages(List<TrainingImage> images) {
		return images.stream().map(t -> new Evaluation.Image(t.name(), t.image(), t.eightBit(), t.levels())).toList();
	}

	/** Refuses validation files that are also training files (same path or same content). */
	public static void checkDisjoint(List<Path> train, List<Path> validation) throws IOException {
		checkDisjointSources(train.stream().map(TrainingSource::of).toList(), validation.stream().map(TrainingSource::of).toList());
	}

	/** Refuses validation images that are training images: the same open image, or files of the same content. */
	public static void checkDisjointSources(List<TrainingSource> train, List<TrainingSource> validation) throws IOException {
		Map<String, String> digests = new HashMap<>();
		for (TrainingSource t : train) {
			Path origin = t.origin();
			if (origin != null && Files.isRegularFile(origin)) digests.put(digest(origin), t.name());
		}
		for (TrainingSource v : validation) {
			for (TrainingSource t : train) {
				if (v.image() != null && v.image() == t.image()) throw overlap(v.name(), t.name());
			}
			Path origin = v.origin();
			String twin = origin != null && Files.isRegularFile(origin) ? digests.get(digest(origin)) : null;
			if (twin != null) throw overlap(v.name(), twin);
		}
	}

	private static IOException overlap(String validation, String training) {
		return new IOException("validation image " + validation + " is also a training image (" + training + "): validation must be "
			+ "held out; use separate images");
	}

	private static String digest(Path file) throws IOException {
		try {
			return Arrays.toString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A deterministic hold-out by file (or open image): about one in ten, at least one, never all. */
	public static <T> List<List<T>> holdOut(List<T> files, long seed) throws IOException {
		if (files.size() < 2) {
			throw new IOException("automatic validation needs at least 2 images (one is held out); add images or "
				+ "give validation images");
		}
		List<T> shuffled = new ArrayList<>(files);
		java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
		int held = Math.max(1, files.size() / 10);
		return List.of(new ArrayList<>(shuffled.subList(held, shuffled.size())), new ArrayList<>(shuffled.subList(0, held)));
	}
}
