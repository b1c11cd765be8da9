package io.github.liif.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * How an image's channels meet a model's: as many channels as the model takes go through it
 * together; through a one-channel model every channel goes alone; a single channel through a
 * colour model is replicated into every colour and the colours averaged back. The policy is a
 * list of {@link Pass}es; it is applied to whole arrays (planes or packed volumes) or streamed
 * block by block into a {@link ChannelSink}, with the same values.
 */
public final class ChannelPolicy {

	private ChannelPolicy() {}

	/**
	 * One trip through the model.
	 *
	 * @param inputs the image channel fed to each model channel
	 * @param average whether the model's outputs are averaged into image channel {@code inputs[0]}
	 *          (else model output j is image channel {@code inputs[j]})
	 */
	public record Pass(int[] inputs, boolean average) {

		float[][] select(float[][] channels) {
			float[][] in = new float[inputs.length][];
			for (int j = 0; j < inputs.length; j++) in[j] = channels[inputs[j]];
			return in;
		}
	}

	/** Receives one image channel's result block by block: h * w values, row after row, in network space. */
	@FunctionalInterface
	public interface ChannelSink {
		void accept(int channel, int y0, int x0, int h, int w, float[] values);
	}

	/** The passes that take {@code imageChannels} through a {@code modelChannels} model. */
	public static List<Pass> passes(int imageChannels, int modelChannels) {
		if (imageChannels == modelChannels) {
			int[] all = new int[modelChannels];
			for (int k = 0; k < all.length; k++) all[k] = k;
			return List.of(new Pass(all, false));
		}
		if (modelChannels == 1) {
			List<Pass> alone = new ArrayList<>();
			for (int k = 0; k < imageChannels; k++) alone.add(new Pass(new int[]{ k }, false));
			return alone;
		}
		if (imageChannels != 1) {
			throw new IllegalArgumentException("a " + imageChannels + "-channel image cannot go through a " + modelChannels
				+ "-channel model: use a one-channel model");
		}
		return List.of(new Pass(new int[modelChannels], true));
	}

	/**
	 * @param channels the image's channels (network space)
	 * @param model maps {@code modelChannels} arrays to as many results
	 * @return one result per image channel
	 */
	public static float[][] throughModel(float[][] channels, int modelChannels, UnaryOperator<float[][]> model) {
		float[][] result = new float[channels.length][];
		for (Pass pass : passes(channels.length, modelChannels)) {
			float[][] up = model.apply(pass.select(channels));
			if (pass.average()) result[pass.inputs()[0]] = planarMean(up);
			else for (int j = 0; j < up.length; j++) result[pass.inputs()[j]] = up[j];
		}
		return result;
	}

	/**
	 * The same policy streamed: {@code model} upscales the arrays of one pass into a {@link TileSink}
	 * (pixel-interleaved blocks), and every block reaches {@code out} per image channel.
	 */
	public static void throughModel(float[][] channels, int modelChannels, BiConsumer<float[][], TileSink> model,
		ChannelSink out)
	{
		for (Pass pass : passes(channels.length, modelChannels)) {
			int[] to = pass.inputs();
			model.accept(pass.select(channels), (y0, x0, h, w, values) -> {
				int c = to.length;
				if (pass.average()) {
					out.accept(to[0], y0, x0, h, w, interleavedMean(values, h * w, c));
					return;
				}
				for (int j = 0; j < c; j++) {
					float[] one = c == 1 ? values : new float[h * w];
					if (c > 1) for (int i = 0; i < one.length; i++) one[i] = values[i * c + j];
					out.accept(to[j], y0, x0, h, w, one);
				}
			});
		}
	}

	/** Per element the mean over the arrays, summed in channel order. */
	private static float[] planarMean(float[][] up) {
		float[] mean = new float[up[0].length];
		for (float[] p : up) for (int i = 0; i < mean.length; i++) mean[i] += p[i] / up.length;
		return mean;
	}

	/** Per pixel the mean of its c values, summed in channel order as {@link #planarMean} does (same values). */
	private static float[] interleavedMean(float[] values, int pixels, int c) {
		float[] mean = new float[pixels];
		for (int i = 0; i < pixels; i++) {
			float m = 0;
			for (int k = 0; k < c; k++) m += values[i * c + k] / c;
			mean[i] = m;
		}
		return mean;
	}
}
