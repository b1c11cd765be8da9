package io.github.liif.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The channel policy on whole arrays and streamed in blocks: the same values, channel by channel. */
class ChannelPolicyTest {

	private static final int H = 3;
	private static final int W = 4;

	/** A stand-in model: each output channel depends on every input channel and on its own index. */
	private static float[][] model(float[][] in) {
		float[][] out = new float[in.length][H * W];
		for (int k = 0; k < in.length; k++) {
			for (int i = 0; i < H * W; i++) {
				float v = 0.1f * k;
				for (float[] c : in) v += c[i] * (k + 1) / 7f;
				out[k][i] = v;
			}
		}
		return out;
	}

	/** The same model handing its result over in two blocks of rows, pixel-interleaved. */
	private static void streamed(float[][] in, TileSink sink) {
		float[][] out = model(in);
		int c = in.length;
		for (int[] rows : new int[][]{ { 0, 2 }, { 2, 1 } }) {
			float[] values = new float[rows[1] * W * c];
			for (int i = 0; i < rows[1] * W; i++) for (int k = 0; k < c; k++) values[i * c + k] = out[k][rows[0] * W + i];
			sink.accept(rows[0], 0, rows[1], W, values);
		}
	}

	@ParameterizedTest(name = "{0} image channel(s), {1}-channel model")
	@CsvSource({ "3, 3", "1, 1", "3, 1", "1, 3" })
	void streamedEqualsWholeArrays(int imageChannels, int modelChannels) {
		float[][] image = new float[imageChannels][H * W];
		for (int k = 0; k < imageChannels; k++) for (int i = 0; i < H * W; i++) image[k][i] = (i * 13 + k * 5) % 11 / 10f;
		UnaryOperator<float[][]> whole = ChannelPolicyTest::model;
		float[][] expected = ChannelPolicy.throughModel(image, modelChannels, whole);
		float[][] got = new float[imageChannels][H * W];
		ChannelPolicy.throughModel(image, modelChannels, ChannelPolicyTest::streamed, (c, y0, x0, h, w, values) -> {
			for (int y = 0; y < h; y++) System.arraycopy(values, y * w, got[c], (y0 + y) * W + x0, w);
		});
		for (int k = 0; k < imageChannels; k++) assertArrayEquals(expected[k], got[k], "channel " + k);
	}

	@Test
	void aGrayImageThroughAColourModelIsTheMeanOfTheColours() {
		float[][] gray = { new float[H * W] };
		gray[0][5] = 0.7f;
		float[][] up = model(new float[][]{ gray[0], gray[0], gray[0] });
		float mean = 0;
		for (float[] colour : up) mean += colour[5] / 3;
		assertEquals(mean, ChannelPolicy.throughModel(gray, 3, ChannelPolicyTest::model)[0][5]);
	}

	@Test
	void twoChannelsCannotMeetAColourModel() {
		assertEquals("a 2-channel image cannot go through a 3-channel model: use a one-channel model", assertThrows(
			IllegalArgumentException.class, () -> ChannelPolicy.passes(2, 3)).getMessage());
	}
}
