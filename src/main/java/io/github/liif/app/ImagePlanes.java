package io.github.liif.app;

import io.github.liif.eval.AxialEvaluation;
import io.github.liif.image.PlanarImage;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.train.TrainingImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What training and evaluation read of an image through the port, in network space by the
 * upscale's own {@link IntensityMapping}: its planes as training images, its Z-stacks as volumes.
 */
public final class ImagePlanes {

	private ImagePlanes() {}

	/**
	 * Plane (c, z, t) as training images: one, or one per colour of an RGB image for a gray model;
	 * a gray plane for a colour model is replicated into every colour.
	 */
	public static List<TrainingImage> plane(ImageData image, int c, int z, int t, String label, IntensityRange range,
		int modelChannels)
	{
		int w = image.width();
		int h = image.height();
		float[][] colours = IntensityMapping.unitPlane(image, c, z, t, range);
		if (image.rgb()) {
			if (modelChannels == 3) return List.of(new TrainingImage(label, new PlanarImage(h, w, colours), true));
			List<TrainingImage> out = new ArrayList<>();
			for (int k = 0; k < 3; k++) {
				out.add(new TrainingImage(label + " " + "RGB".charAt(k), new PlanarImage(h, w, new float[][]{ colours[k] }),
					true));
			}
			return out;
		}
		float[][] planes = new float[modelChannels][];
		Arrays.fill(planes, colours[0]);
		return List.of(new TrainingImage(label, new PlanarImage(h, w, planes), image.bitDepth() == 8, range.levelsPerUnit()));
	}

	/**
	 * Every channel and frame of a Z-stack as a volume (16/32-bit: the channel's percentile range).
	 *
	 * @param name the volumes' names begin with it
	 */
	public static List<AxialEvaluation.Volume> volumes(ImageData image, String name) {
		if (image.slices() < 3) {
			throw new IllegalArgumentException(name + " has " + image.slices()
				+ " slice(s): evaluating along Z needs Z-stacks (if its " + image.planes()
				+ " planes are slices, fix that with Image > Properties...)");
		}
		if (image.palette()) {
			throw new IllegalArgumentException("'" + name + "' is an 8-bit colour (palette) image; convert it "
				+ "with Image > Type > RGB Color first");
		}
		IntensityRange[] ranges = IntensityMapping.ranges(image);
		List<AxialEvaluation.Volume> out = new ArrayList<>();
		for (int t = 0; t < image.frames(); t++) {
			for (int c = 0; c < image.channels(); c++) {
				String label = name + (image.channels() > 1 ? " c" + (c + 1) : "") + (image.frames() > 1 ? " t" + (t + 1) : "");
				out.add(new AxialEvaluation.Volume(label, IntensityMapping.volume(image, c, t, ranges[c]), image.slices(), image
					.height(), image.width(), image.bitDepth() == 8 || image.rgb(), ranges[c].levelsPerUnit()));
			}
		}
		return out;
	}
}
