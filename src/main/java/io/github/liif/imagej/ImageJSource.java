package io.github.liif.imagej;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.process.ImageProcessor;
import io.github.liif.app.ImageSource;
import io.github.liif.eval.AxialEvaluation;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.TargetSize;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.train.PlaneCache;
import io.github.liif.train.TrainingImage;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
		return ImageJUpscale.isRgb(image != null ? image : ImageFiles.readFirstPage(file));
	}

	@Override
	public List<TrainingImage> planes(int modelChannels, int minSize, Consumer<String> warn, PlaneCache cache)
		throws IOException
	{
		ImagePlus imp = read();
		if (imp.getType() == ImagePlus.COLOR_256) {
			throw new IOException(name + ": 8-bit colour (palette) images must be converted to RGB first");
		}
		IntensityRange[] ranges = ImagePlusUpscaler.intensityRanges(imp, new Rectangle(0, 0, imp.getWidth(), imp.getHeight()));
		List<TrainingImage> out = new ArrayList<>();
		int pages = imp.getStackSize();
		for (int page = 1; page <= pages; page++) {
			String label = pages > 1 ? name + " #" + page : name;
			IntensityRange range = ranges[(page - 1) % imp.getNChannels()];
			List<TrainingImage> planes = pagePlanes(imp.getStack().getProcessor(page), label, range, modelChannels);
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
					out.add(TrainingImage.cached(t.name(), t.image(), t.eightBit(), t.levels(), cache, () -> pagePlanes(readAgain(
						p), label, range, modelChannels).get(part).image()));
				}
			}
		}
		return out;
	}

	private ImageProcessor readAgain(int page) {
		try {
			return ImageFiles.readPage(file, page).getProcessor();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the training image " + file.getFileName() + " again: " + e.getMessage(),
				e);
		}
	}

	/** One page (stack slice), normalised: one training image, or three gray ones from RGB for a gray model. */
	private static List<TrainingImage> pagePlanes(ImageProcessor ip, String label, IntensityRange range, int modelChannels) {
		int w = ip.getWidth();
		int h = ip.getHeight();
		if (ip.getBitDepth() == 24) {
			float[][] colours = new float[3][];
			for (int k = 0; k < 3; k++) colours[k] = PlaneCodec.normalise(PlaneCodec.raw(ip, k), range);
			if (modelChannels == 3) return List.of(new TrainingImage(label, new PlanarImage(h, w, colours), true));
			List<TrainingImage> out = new ArrayList<>();
			for (int k = 0; k < 3; k++) {
				out.add(new TrainingImage(label + " " + "RGB".charAt(k), new PlanarImage(h, w, new float[][]{ colours[k] }),
					true));
			}
			return out;
		}
		float[] plane = PlaneCodec.normalise(PlaneCodec.raw(ip, 0), range);
		float[][] planes = new float[modelChannels][];
		Arrays.fill(planes, plane);
		return List.of(new TrainingImage(label, new PlanarImage(h, w, planes), ip.getBitDepth() == 8, range.levelsPerUnit()));
	}

	/** Every channel and frame of a Z-stack as a volume in network space (16/32-bit: the channel's percentile range). */
	@Override
	public List<AxialEvaluation.Volume> volumes() throws IOException {
		ImagePlus imp = read();
		if (imp.getNSlices() < 3) {
			throw new IllegalArgumentException(name + " has " + imp.getNSlices()
				+ " slice(s): evaluating along Z needs Z-stacks (if its " + imp.getStackSize()
				+ " planes are slices, fix that with Image > Properties...)");
		}
		Rectangle whole = new Rectangle(0, 0, imp.getWidth(), imp.getHeight());
		UpscalePlan plan = UpscalePlan.of(imp, whole, TargetSize.scale(1), false, 1);
		IntensityRange[] ranges = ImagePlusUpscaler.intensityRanges(imp, whole);
		List<AxialEvaluation.Volume> out = new ArrayList<>();
		for (int t = 0; t < imp.getNFrames(); t++) {
			for (int c = 0; c < imp.getNChannels(); c++) {
				String label = name + (imp.getNChannels() > 1 ? " c" + (c + 1) : "") + (imp.getNFrames() > 1 ? " t" + (t + 1)
					: "");
				out.add(new AxialEvaluation.Volume(label, ImagePlusUpscaler.volume(imp, plan, c, t, ranges[c]), imp.getNSlices(),
					imp.getHeight(), imp.getWidth(), imp.getBitDepth() == 8 || ImageJUpscale.isRgb(imp), ranges[c]
						.levelsPerUnit()));
			}
		}
		return out;
	}
}
