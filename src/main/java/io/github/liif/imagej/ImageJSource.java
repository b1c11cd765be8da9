package io.github.liif.imagej;

import ij.ImagePlus;
import ij.io.FileInfo;
import io.github.liif.app.ImagePlanes;
import io.github.liif.app.ImageSource;
import io.github.liif.app.IntensityMapping;
import io.github.liif.eval.AxialEvaluation;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.train.PlaneCache;
import io.github.liif.train.TrainingImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An image file read by ImageJ, or an image open in ImageJ (used as it is, unsaved changes
 * included; never modified), as the application reads it. Every page of a multi-page file
 * (channels, slices, time points) becomes a plane, normalised as the upscaler normalises it
 * (8-bit and RGB by 255, 16/32-bit by per-channel percentiles). A gray model takes each colour of
 * an RGB image as its own plane; a colour model takes gray planes replicated to three channels.
 */
public record ImageJSource(String name, Path file, ImagePlus image) implements ImageSource {

	public static ImageJSource of(Path file) {
		return new ImageJSource(file.getFileName().toString(), file, null);
	}

	public static ImageJSource of(ImagePlus image) {
		return new ImageJSource(image.getTitle(), null, image);
	}

	/** The image files in folders (or the files themselves), in order. */
	public static List<ImageSource> files(List<Path> foldersOrFiles) throws IOException {
		return ImageFiles.list(foldersOrFiles).stream().<ImageSource>map(ImageJSource::of).toList();
	}

	/** Images open in ImageJ. */
	public static List<ImageSource> open(List<ImagePlus> images) {
		return images.stream().<ImageSource>map(ImageJSource::of).toList();
	}

	public ImagePlus read() throws IOException {
		return image != null ? image : ImageFiles.read(file);
	}

	@Override
	public Optional<Path> origin() {
		if (file != null) return Optional.of(file);
		FileInfo fi = image.getOriginalFileInfo();
		return fi == null || fi.directory == null || fi.fileName == null ? Optional.empty() : Optional.of(Path.of(fi.directory,
			fi.fileName));
	}

	@Override
	public boolean rgb() throws IOException {
		return ImagePlusData.whole(image != null ? image : ImageFiles.readFirstPage(file)).rgb();
	}

	@Override
	public List<TrainingImage> planes(int modelChannels, int minSize, Consumer<String> warn, PlaneCache cache)
		throws IOException
	{
		ImagePlus imp = read();
		ImagePlusData image = ImagePlusData.whole(imp);
		if (image.palette()) throw new IOException(name + ": 8-bit colour (palette) images must be converted to RGB first");
		IntensityRange[] ranges = IntensityMapping.ranges(image);
		List<TrainingImage> out = new ArrayList<>();
		int pages = imp.getStackSize();
		int nc = image.channels();
		int nz = image.slices();
		for (int page = 1; page <= pages; page++) {
			String label = pages > 1 ? name + " #" + page : name;
			int c = (page - 1) % nc;
			IntensityRange range = ranges[c];
			List<TrainingImage> planes = ImagePlanes.plane(image, c, (page - 1) / nc % nz, (page - 1) / (nc * nz), label, range,
				modelChannels);
			for (int k = 0; k < planes.size(); k++) {
				TrainingImage t = planes.get(k);
				if (t.width() < minSize || t.height() < minSize) {
					warn.accept("skipped " + t.name() + ": " + t.width() + " x " + t.height()
						+ " is smaller than a training patch (" + minSize + " x " + minSize + ")");
				}
				else if (cache == null || file == null) {
					out.add(t);
				}
				else {
					int p = page;
					int part = k;
					// read again: only this page, normalised with the range of the whole file found now
					out.add(TrainingImage.cached(t.name(), t.image(), t.eightBit(), t.levels(), cache, () -> ImagePlanes.plane(
						readAgain(p), 0, 0, 0, label, range, modelChannels).get(part).image()));
				}
			}
		}
		return out;
	}

	private ImagePlusData readAgain(int page) {
		try {
			return ImagePlusData.whole(ImageFiles.readPage(file, page));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the training image " + file.getFileName() + " again: " + e.getMessage(),
				e);
		}
	}

	/** Every channel and frame of a Z-stack as a volume in network space (16/32-bit: the channel's percentile range). */
	@Override
	public List<AxialEvaluation.Volume> volumes() throws IOException {
		ImagePlus imp = read();
		return ImagePlanes.volumes(ImagePlusData.whole(imp), name);
	}
}
