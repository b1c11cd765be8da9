package io.github.liif.app;

import io.github.liif.eval.Evaluation;
import io.github.liif.train.PlaneCache;
import io.github.liif.train.TrainingImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Training and validation sets made of {@link ImageSource}s: their planes, a deterministic
 * hold-out, and the check that validation images are not training images.
 */
public final class ImageSets {

	private ImageSets() {}

	/**
	 * The planes of every source; sources that cannot be read are skipped with a warning. Throws
	 * if nothing usable is left.
	 */
	public static List<TrainingImage> planes(List<? extends ImageSource> sources, int modelChannels, int minSize,
		Consumer<String> warn, PlaneCache cache) throws IOException
	{
		List<TrainingImage> out = new ArrayList<>();
		for (ImageSource source : sources) {
			try {
				out.addAll(source.planes(modelChannels, minSize, warn, cache));
			}
			catch (IOException e) {
				warn.accept("skipped " + e.getMessage());
			}
		}
		if (out.isEmpty()) {
			throw new IOException("no usable training images in " + sources.size() + " source(s): LIIF Train needs TIFF, PNG or "
				+ "JPEG images of at least " + minSize + " x " + minSize + " pixels");
		}
		return out;
	}

	public static List<Evaluation.Image> asEvaluationImages(List<TrainingImage> images) {
		return images.stream().map(t -> new Evaluation.Image(t.name(), t.image(), t.eightBit(), t.levels())).toList();
	}

	/** Refuses validation images that are training images: the same image, or files of the same content. */
	public static void checkDisjoint(List<? extends ImageSource> train, List<? extends ImageSource> validation)
		throws IOException
	{
		Map<String, String> digests = new HashMap<>();
		for (ImageSource t : train) {
			Optional<Path> origin = t.origin().filter(Files::isRegularFile);
			if (origin.isPresent()) digests.put(digest(origin.get()), t.name());
		}
		for (ImageSource v : validation) {
			for (ImageSource t : train) if (v.equals(t)) throw overlap(v.name(), t.name());
			Optional<Path> origin = v.origin().filter(Files::isRegularFile);
			String twin = origin.isPresent() ? digests.get(digest(origin.get())) : null;
			if (twin != null) throw overlap(v.name(), twin);
		}
	}

	private static IOException overlap(String validation, String training) {
		return new IOException("validation image " + validation + " is also a training image (" + training
			+ "): validation must be " + "held out; use separate images");
	}

	private static String digest(Path file) throws IOException {
		try {
			return Arrays.toString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A deterministic hold-out by image: about one in ten, at least one, never all. */
	public static <T> List<List<T>> holdOut(List<T> images, long seed) throws IOException {
		if (images.size() < 2) {
			throw new IOException("automatic validation needs at least 2 images (one is held out); add images or "
				+ "give validation images");
		}
		List<T> shuffled = new ArrayList<>(images);
		Collections.shuffle(shuffled, new Random(seed));
		int held = Math.max(1, images.size() / 10);
		return List.of(new ArrayList<>(shuffled.subList(held, shuffled.size())), new ArrayList<>(shuffled.subList(0, held)));
	}
}
