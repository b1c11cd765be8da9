package io.github.liif.app;

import io.github.liif.inference.Monitor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The port to image files: how a file is read into {@link ImageData} and how a result is
 * written, by an image library's readers and writers. Every write is atomic: a failed or
 * cancelled one leaves no file.
 */
public interface ImageFileIO {

	/** A result held in memory until it is written. */
	interface FileResult extends ResultSink {

		/** Writes in the format the file's extension names. */
		void write(Path file, boolean overwrite) throws IOException;

		/**
		 * Writes an RGB result with its transparency (RGBA PNG or TIFF).
		 *
		 * @param alpha 0-255 per pixel of the result
		 */
		void writeWithAlpha(int[] alpha, Path file, boolean overwrite) throws IOException;
	}

	ImageData read(Path file) throws IOException;

	/** The transparency of an image {@link #read} gave (0-255 per pixel), or null when it has none. */
	int[] alpha(ImageData image);

	/** An empty result for an upscale of {@code image}. */
	FileResult result(ImageData image);

	/** Writes a one-plane upscale of {@code image} into a TIFF file row by row, so the result is never held whole. */
	void writeTiff(PlaneJob job, ImageData image, Path file, boolean overwrite, Monitor monitor) throws IOException;
}
