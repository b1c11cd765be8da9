package io.github.liif.train;

import io.github.liif.image.PlanarImage;
import java.util.function.Supplier;

/**
 * One training image (a plane of a file, or of an open image) in [0, 1] space: either held in
 * memory, or kept in a {@link PlaneCache} and decoded again from its source when the cache had
 * to drop it. Either way {@link #image()} gives the same values.
 */
public final class TrainingImage {

	private final String name;
	private final int width;
	private final int height;
	private final boolean eightBit;
	private final double levels;
	private final PlanarImage held;
	private final PlaneCache cache;
	private final Supplier<PlanarImage> loader;

	/**
	 * An image held in memory.
	 *
	 * @param name where it came from (file and plane), for messages and provenance
	 * @param eightBit whether values are exact multiples of 1/255 (then bicubic degradation runs
	 *          in PIL's 8-bit arithmetic, as in the reference)
	 */
	public TrainingImage(String name, PlanarImage image, boolean eightBit) {
		this(name, image, eightBit, 255);
	}

	/** An image held in memory whose raw intensities span {@code levels} per unit of [0, 1] (for reporting biases). */
	public TrainingImage(String name, PlanarImage image, boolean eightBit, double levels) {
		this(name, image.width(), image.height(), eightBit, levels, image, null, null);
	}

	private TrainingImage(String name, int width, int height, boolean eightBit, double levels, PlanarImage held, PlaneCache cache,
		Supplier<PlanarImage> loader)
	{
		this.name = name;
		this.width = width;
		this.height = height;
		this.eightBit = eightBit;
		this.levels = levels;
		this.held = held;
		this.cache = cache;
		this.loader = loader;
	}

	/** An image in {@code cache}, starting with {@code first} if it fits, decoded by {@code loader} when needed again. */
	public static TrainingImage cached(String name, PlanarImage first, boolean eightBit, double levels, PlaneCache cache,
		Supplier<PlanarImage> loader)
	{
		TrainingImage t = new TrainingImage(name, first.width(), first.height(), eightBit, levels, null, cache, loader);
		cache.offer(t, first);
		return t;
	}

	public String name() {
		return name;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public boolean eightBit() {
		return eightBit;
	}

	/** Raw intensity levels per unit of [0, 1]: 255 for 8-bit and RGB. */
	public double levels() {
		return levels;
	}

	public PlanarImage image() {
		return held != null ? held : cache.get(this, loader);
	}
}
