package io.github.liif.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an RGB model into an exactly equivalent gray one, as a start for fine-tuning on gray
 * data: feeding a gray image replicated to R, G, B equals summing the first convolution's
 * kernels over its input channels, and averaging the colour outputs equals averaging the last
 * layer's rows.
 */
public final class ChannelConversion {

	private ChannelConversion() {}

	public static LiifModelWeights rgbToGray(LiifModelWeights rgb) {
		LiifSpec spec = rgb.spec();
		if (spec.inChannels() != 3 || spec.outChannels() != 3) {
			throw new IllegalArgumentException("only a 3-channel (RGB) model converts to gray; this one has " + spec
				.inChannels());
		}
		LiifSpec gray = spec.toBuilder().encoder(spec.encoder().withInChannels(1)).outChannels(1).build();
		// the convolution that reads the image runs first
		String first = spec.encoder().convolutions().get(0).name() + ".weight";
		String last = LiifSpec.linearName(spec.linearLayers() - 1);
		Map<String, Weights> out = new LinkedHashMap<>(rgb.stateDict().asMap());
		out.put(first, sumInputChannels(rgb.stateDict().get(first)));
		out.put(last + ".weight", meanRows(rgb.stateDict().get(last + ".weight")));
		out.put(last + ".bias", meanRows(rgb.stateDict().get(last + ".bias")));
		return new LiifModelWeights(gray, new StateDict(out));
	}

	/** (O, 3, k, k) -> (O, 1, k, k). */
	private static Weights sumInputChannels(Weights w) {
		long[] s = w.shape();
		int o = (int) s[0];
		int k = (int) (s[2] * s[3]);
		float[] in = w.data();
		float[] out = new float[o * k];
		for (int i = 0; i < o; i++) {
			for (int c = 0; c < 3; c++) for (int j = 0; j < k; j++) out[i * k + j] += in[(i * 3 + c) * k + j];
		}
		return new Weights(new long[]{ o, 1, s[2], s[3] }, out);
	}

	/** (3, n) or (3) -> (1, n) or (1): the mean of the three rows. */
	private static Weights meanRows(Weights w) {
		long[] s = w.shape();
		int n = s.length == 2 ? (int) s[1] : 1;
		float[] out = new float[n];
		for (int r = 0; r < 3; r++) for (int j = 0; j < n; j++) out[j] += w.data()[r * n + j] / 3f;
		return new Weights(s.length == 2 ? new long[]{ 1, n } : new long[]{ 1 }, out);
	}
}
