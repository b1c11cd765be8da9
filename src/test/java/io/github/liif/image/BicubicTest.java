package io.github.liif.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.Fixtures;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BicubicTest {

	@ParameterizedTest(name = "PIL 137x91 -> {0}x{1}")
	@CsvSource({ "48, 48", "61, 40", "34, 23", "274, 182", "200, 150" })
	void reproducesPilBicubicOn8BitData(int w, int h) throws Exception {
		BufferedImage src = ImageIO.read(Fixtures.path("pil-hr-137x91.png").toFile());
		BufferedImage expected = ImageIO.read(Fixtures.path("pil-bicubic-" + w + "x" + h + ".png").toFile());
		int maxDiff = 0;
		for (int c = 0; c < 3; c++) {
			int[] plane = channel(src, c);
			int[] out = Bicubic.resize8(plane, src.getHeight(), src.getWidth(), h, w);
			int[] ref = channel(expected, c);
			for (int i = 0; i < out.length; i++) maxDiff = Math.max(maxDiff, Math.abs(out[i] - ref[i]));
		}
		assertTrue(maxDiff <= 1, "max difference to PIL: " + maxDiff + " levels");
	}

	@Test
	void kernelIsPilsCubicWithAMinusHalf() {
		assertEquals(1.0, Bicubic.kernel(0), 0);
		assertEquals(0.0, Bicubic.kernel(1), 1e-12);
		assertEquals(0.0, Bicubic.kernel(2), 0);
		// a = -0.5 at x = 0.5: ((1.5 * 0.5) - 2.5) * 0.25 + 1 = 0.5625; at 1.5: -0.0625
		assertEquals(0.5625, Bicubic.kernel(0.5), 1e-12);
		assertEquals(-0.0625, Bicubic.kernel(1.5), 1e-12);
	}

	@Test
	void floatPathKeepsConstantsAndUsesTheSameWeights() {
		float[] constant = new float[91 * 137];
		Arrays.fill(constant, 0.25f);
		for (float v : Bicubic.resize(constant, 91, 137, 40, 61)) assertEquals(0.25f, v, 1e-6);
		// a single bright pixel spreads with PIL's normalised weights, which sum to one
		float[] impulse = new float[20 * 20];
		impulse[10 * 20 + 10] = 1;
		float[] down = Bicubic.resize(impulse, 20, 20, 10, 10);
		double sum = 0;
		for (float v : down) sum += v;
		assertEquals(0.25, sum, 1e-6);
	}

	private static int[] channel(BufferedImage img, int c) {
		int w = img.getWidth();
		int h = img.getHeight();
		int[] out = new int[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) out[y * w + x] = (img.getRGB(x, y) >> (16 - 8 * c)) & 0xff;
		}
		return out;
	}
}
