package io.github.liif.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import io.github.liif.eval.Evaluation;
import io.github.liif.image.PlanarImage;
import io.github.liif.normalize.IntensityRange;
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
		List<TrainingImage> out = new ArrayList<>();
		for (Path f : files) {
			ImagePlus imp;
			try {
				imp = ImageFiles.read(f);
			}
			catch (IOException e) {
				warn.accept("skipped " + e.getMessage());
				continue;
			}
			for (TrainingImage t : planes(imp, f.getFileName().toString(), modelChannels)) {
				if (t.image().width() < minSize || t.image().height() < minSize) {
					warn.accept("skipped " + t.name() + ": " + t.image().width() + " x " + t.image().height()
						+ " is smaller than a training patch (" + minSize + " x " + minSize + ")");
				}
				else {
					out.add(t);
				}
			}
		}
		if (out.isEmpty()) {
			throw new IOException("no usable training images in " + files.size() + " file(s): LIIF Train needs TIFF, PNG or "
				+ "JPEG images of at least " + minSize + " x " + minSize + " pixels");
		}
		return out;
	}

	/** The planes of an open image, normalised, as training images of {@code modelChannels} channels. */
	public static List<TrainingImage> planes(ImagePlus imp, String name, int modelChannels) {
		List<TrainingImage> out = new ArrayList<>();
		IntensityRange[] ranges = ImagePlusUpscaler.intensityRanges(imp, new java.awt.Rectangle(0, 0, imp.getWidth(), imp
			.getHeight()));
		ImageStack stack = imp.getStack();
		int w = imp.getWidth();
		int h = imp.getHeight();
		boolean rgb = imp.getBitDepth() == 24;
		boolean eightBit = rgb || imp.getBitDepth() == 8;
		for (int s = 1; s <= stack.getSize(); s++) {
			String label = stack.getSize() > 1 ? name + " #" + s : name;
			IntensityRange range = ranges[(s - 1) % imp.getNChannels()];
			if (rgb) {
				float[][] colours = new float[3][];
				for (int k = 0; k < 3; k++) colours[k] = PlaneCodec.normalise(PlaneCodec.raw(stack.getProcessor(s), k), range);
				if (modelChannels == 3) {
					out.add(new TrainingImage(label, new PlanarImage(h, w, colours), true));
				}
				else {
					for (int k = 0; k < 3; k++) {
						out.add(new TrainingImage(label + " " + "RGB".charAt(k), new PlanarImage(h, w, new float[][] { colours[k] }), true));
					}
				}
				continue;
			}
			float[] plane = PlaneCodec.normalise(PlaneCodec.raw(stack.getProcessor(s), 0), range);
			float[][] planes = new float[modelChannels][];
			Arrays.fill(planes, plane);
			out.add(new TrainingImage(label, new PlanarImage(h, w, planes), eightBit));
		}
		return out;
	}

	public static List<Evaluation.Image> asEvaluationImages(List<TrainingImage> images) {
		return images.stream().map(t -> new Evaluation.Image(t.name(), t.image(), t.eightBit())).toList();
	}

	/** Refuses validation files that are also training files (same path or same content). */
	public static void checkDisjoint(List<Path> train, List<Path> validation) throws IOException {
		Map<String, Path> digests = new HashMap<>();
		for (Path t : train) digests.put(digest(t), t);
		for (Path v : validation) {
			Path twin = digests.get(digest(v));
			if (twin != null) {
				throw new IOException("validation image " + v + " is also a training image (" + twin + "): validation must be "
					+ "held out; use a separate folder");
			}
		}
	}

	private static String digest(Path file) throws IOException {
		try {
			return Arrays.toString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A deterministic hold-out by file: about one in ten, at least one, never all. */
	public static List<List<Path>> holdOut(List<Path> files, long seed) throws IOException {
		if (files.size() < 2) {
			throw new IOException("automatic validation needs at least 2 image files (one is held out); add images or "
				+ "give a validation folder");
		}
		List<Path> shuffled = new ArrayList<>(files);
		java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
		int held = Math.max(1, files.size() / 10);
		return List.of(new ArrayList<>(shuffled.subList(held, shuffled.size())), new ArrayList<>(shuffled.subList(0, held)));
	}
}
