package io.github.liif.inference;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * How an image's channels meet a model's: as many channels as the model takes go through it
 * together; through a one-channel model every channel goes alone; a single channel through a
 * colour model is replicated into every colour and the colours averaged back. The arrays may
 * hold a plane or a packed volume: the policy only decides which channels travel together.
 */
public final class ChannelPolicy {

	private ChannelPolicy() {}

	/**
	 * @param channels the image's channels (network space)
	 * @param model maps {@code modelChannels} arrays to as many results
	 * @return one result per image channel
	 */
	public static float[][] throughModel(float[][] channels, int modelChannels, UnaryOperator<float[][]> model) {
		if (channels.length == modelChannels) return model.apply(channels);
		if (modelChannels == 1) {
			float[][] result = new float[channels.length][];
			for (int k = 0; k < channels.length; k++) result[k] = model.apply(new float[][] { channels[k] })[0];
			return result;
		}
		if (channels.length != 1) {
			throw new IllegalArgumentException("a " + channels.length + "-channel image cannot go through a " + modelChannels
				+ "-channel model: use a one-channel model");
		}
		float[][] replicated = new float[modelChannels][];
		Arrays.fill(replicated, channels[0]);
		float[][] up = model.apply(replicated);
		float[] mean = new float[up[0].length];
		for (int k = 0; k < modelChannels; k++) {
			float[] p = up[k];
			for (int i = 0; i < mean.length; i++) mean[i] += p[i] / modelChannels;
		}
		return new float[][] { mean };
	}
}
