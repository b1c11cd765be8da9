package io.github.liif.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * EDSR without its upsampling tail: head conv, {@code residualBlocks} blocks of
 * conv-ReLU-conv (scaled by {@code residualScale}), a body conv and a long skip.
 * EDSR-baseline is 16 blocks of 64 features with residual scale 1.
 */
public record EdsrSpec(int inChannels, int residualBlocks, int features, double residualScale) implements EncoderSpec {

	public EdsrSpec {
		if (inChannels < 1 || residualBlocks < 0 || features < 1 || !(residualScale > 0)) {
			throw new IllegalArgumentException("invalid EDSR settings: channels " + inChannels + ", blocks " + residualBlocks
				+ ", features " + features + ", residual scale " + residualScale);
		}
	}

	public static EdsrSpec baseline(int inChannels) {
		return new EdsrSpec(inChannels, 16, 64, 1.0);
	}

	@Override
	public <R> R match(Cases<R> cases) {
		return cases.edsr(this);
	}

	@Override
	public EdsrSpec resized(OptionalInt blocks, OptionalInt newFeatures) {
		return new EdsrSpec(inChannels, blocks.orElse(residualBlocks), newFeatures.orElse(features), residualScale);
	}

	@Override
	public EdsrSpec withInChannels(int channels) {
		return new EdsrSpec(channels, residualBlocks, features, residualScale);
	}

	@Override
	public String name() {
		return residualScale == 1.0 ? "edsr-baseline" : "edsr";
	}

	@Override
	public int outChannels() {
		return features;
	}

	@Override
	public int receptiveRadius() {
		return 2 * residualBlocks + 2;
	}

	/** The reference's name of the head convolution (image to features). */
	public static final String HEAD = PREFIX + "head.0";

	/** The reference's name of convolution {@code k} (0 or 2, a ReLU between) of residual block {@code block}. */
	public static String blockConvName(int block, int k) {
		return PREFIX + "body." + block + ".body." + k;
	}

	public ConvLayer head() {
		return new ConvLayer(HEAD, inChannels, features, 3);
	}

	/** The first ({@code second} false) or second convolution of residual block {@code block}. */
	public ConvLayer blockConv(int block, boolean second) {
		return new ConvLayer(blockConvName(block, second ? 2 : 0), features, features, 3);
	}

	/** The convolution after the residual blocks, before the long skip. */
	public ConvLayer bodyConv() {
		return new ConvLayer(PREFIX + "body." + residualBlocks, features, features, 3);
	}

	@Override
	public List<ConvLayer> convolutions() {
		List<ConvLayer> out = new ArrayList<>();
		out.add(head());
		for (int b = 0; b < residualBlocks; b++) {
			out.add(blockConv(b, false));
			out.add(blockConv(b, true));
		}
		out.add(bodyConv());
		return out;
	}

	@Override
	public Map<String, Object> args() {
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("n_resblocks", residualBlocks);
		args.put("n_feats", features);
		args.put("res_scale", residualScale);
		args.put("n_colors", inChannels);
		args.put("no_upsampling", true);
		return args;
	}
}
