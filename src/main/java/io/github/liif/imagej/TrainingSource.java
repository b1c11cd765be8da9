package io.github.liif.imagej;

import ij.ImagePlus;
import ij.io.FileInfo;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where training or validation images come from: a file, or an image open in ImageJ (used as
 * it is, unsaved changes included; never modified).
 */
public record TrainingSource(String name, Path file, ImagePlus image) {

	public static TrainingSource of(Path file) {
		return new TrainingSource(file.getFileName().toString(), file, null);
	}

	public static TrainingSource of(ImagePlus image) {
		return new TrainingSource(image.getTitle(), null, image);
	}

	public ImagePlus read() throws IOException {
		return image != null ? image : ImageFiles.read(file);
	}

	/** The file the pixels came from: the file itself, or the file an open image was opened from (if any). */
	Path origin() {
		if (file != null) return file;
		FileInfo fi = image.getOriginalFileInfo();
		return fi == null || fi.directory == null || fi.fileName == null ? null : Path.of(fi.directory, fi.fileName);
	}
}
