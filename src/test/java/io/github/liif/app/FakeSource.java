package io.github.liif.app;

import io.github.liif.eval.AxialEvaluation;
import io.github.liif.image.PlanarImage;
import io.github.liif.train.PlaneCache;
import io.github.liif.train.TrainingImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** An image source without any image library: one gray 8-bit plane of {@code edge} x {@code edge}, or unreadable (edge 0). */
record FakeSource(String name, int edge, Path file) implements ImageSource {

	FakeSource(String name) {
		this(name, 64, null);
	}

	@Override
	public Optional<Path> origin() {
		return Optional.ofNullable(file);
	}

	@Override
	public boolean rgb() {
		return false;
	}

	@Override
	public List<TrainingImage> planes(int modelChannels, int minSize, Consumer<String> warn, PlaneCache cache)
		throws IOException
	{
		if (edge == 0) throw new IOException(name + ": cannot be read");
		if (edge < minSize) {
			warn.accept("skipped " + name + ": too small");
			return List.of();
		}
		float[][] planes = new float[modelChannels][edge * edge];
		return List.of(new TrainingImage(name, new PlanarImage(edge, edge, planes), true));
	}

	@Override
	public List<AxialEvaluation.Volume> volumes() {
		return List.of();
	}
}
