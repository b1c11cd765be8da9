package io.github.liif.app;

import io.github.liif.eval.AxialEvaluation;
import io.github.liif.train.PlaneCache;
import io.github.liif.train.TrainingImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An image the application reads for training or evaluation: an image file, or an image open in
 * the user's program (used as it is, never modified). The adapter of an image library implements
 * it ({@code imagej.ImageJSource}); equal sources are the same image.
 */
public interface ImageSource {

	/** For messages and provenance. */
	String name();

	/** The file the pixels come from (an open image: the file it was opened from), if known. */
	Optional<Path> origin();

	/** Whether the pixels are RGB: a new model's channels and the "default" model follow it. */
	boolean rgb() throws IOException;

	/**
	 * Every page (channel, slice, time point) in network space as the upscaler maps it, one image
	 * per page (or one per colour for a gray model); pages smaller than {@code minSize} are skipped
	 * with a warning. File planes go into {@code cache} when given, to be decoded again when it
	 * dropped them.
	 *
	 * @throws IOException when the image cannot be read or is of a kind that cannot be used
	 */
	List<TrainingImage> planes(int modelChannels, int minSize, Consumer<String> warn, PlaneCache cache) throws IOException;

	/** Every channel and frame of a Z-stack as a volume in network space. */
	List<AxialEvaluation.Volume> volumes() throws IOException;
}
