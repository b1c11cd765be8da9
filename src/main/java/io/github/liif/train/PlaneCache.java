package io.github.liif.train;

import io.github.liif.image.PlanarImage;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decoded training planes kept within a memory budget, least recently drawn dropped first, so
 * that a training set larger than memory still trains (planes dropped are decoded again from
 * their files when drawn, on the trainer's background thread). Thread-safe.
 */
public final class PlaneCache {

	private final long budget;
	private final Map<TrainingImage, PlanarImage> planes = new LinkedHashMap<>(16, 0.75f, true);
	private long used;
	private long loads;

	public PlaneCache(long budgetBytes) {
		if (budgetBytes < 0) throw new IllegalArgumentException("cache budget must not be negative");
		this.budget = budgetBytes;
	}

	/** Half the memory this JVM may use. */
	public static long defaultBudget() {
		return Runtime.getRuntime().maxMemory() / 2;
	}

	private static long bytes(PlanarImage p) {
		return 4L * p.channels() * p.width() * p.height();
	}

	/** Keeps a plane if it fits in what is left of the budget. */
	synchronized void offer(TrainingImage t, PlanarImage plane) {
		if (used + bytes(plane) <= budget) {
			planes.put(t, plane);
			used += bytes(plane);
		}
	}

	synchronized PlanarImage get(TrainingImage t, Supplier<PlanarImage> loader) {
		PlanarImage p = planes.get(t);
		if (p != null) return p;
		p = loader.get();
		loads++;
		Iterator<Map.Entry<TrainingImage, PlanarImage>> oldest = planes.entrySet().iterator();
		while (used + bytes(p) > budget && oldest.hasNext()) {
			used -= bytes(oldest.next().getValue());
			oldest.remove();
		}
		if (used + bytes(p) <= budget) {
			planes.put(t, p);
			used += bytes(p);
		}
		return p;
	}

	/** Bytes held now. */
	public synchronized long used() {
		return used;
	}

	/** Planes decoded again because they had been dropped (or never fitted). */
	public synchronized long reloads() {
		return loads;
	}
}
