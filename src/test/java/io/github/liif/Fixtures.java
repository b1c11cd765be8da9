package io.github.liif;

import io.github.liif.image.PlanarImage;
import io.github.liif.io.ModelFiles;
import io.github.liif.io.Npy;
import io.github.liif.model.LiifModel;
import io.github.liif.model.Weights;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Test resources: the reference's golden fixtures (see fixtures/SOURCE.md). */
public final class Fixtures {

	private Fixtures() {}

	public static Path path(String name) {
		try {
			return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
		}
		catch (URISyntaxException | NullPointerException e) {
			throw new IllegalStateException("missing test resource " + name, e);
		}
	}

	public static LiifModel model(String name) throws Exception {
		return ModelFiles.load(path(name));
	}

	public static byte[] bytes(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An 8-bit RGB PNG as planes of v / 255 in float32, as the reference's ToTensor does. */
	public static PlanarImage rgb(String name) throws IOException {
		BufferedImage img = ImageIO.read(path(name).toFile());
		int w = img.getWidth();
		int h = img.getHeight();
		float[][] planes = new float[3][w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int rgb = img.getRGB(x, y);
				planes[0][y * w + x] = ((rgb >> 16) & 0xff) / 255f;
				planes[1][y * w + x] = ((rgb >> 8) & 0xff) / 255f;
				planes[2][y * w + x] = (rgb & 0xff) / 255f;
			}
		}
		return new PlanarImage(h, w, planes);
	}

	/** A reference output (H, W, 3) array. */
	public static Weights npy(String name) throws Exception {
		return Npy.read(bytes(name));
	}
}
