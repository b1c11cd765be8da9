package io.github.liif.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EDSR without its upsampling tail: head conv, {@code residualBlocks} blocks of
 * conv-ReLU-conv (scaled by {@code residualScale}), a body conv and a long skip.
 * EDSR-baseline is 16 blocks of 64 features with residual scale 1.
 */
public record EdsrSpec(int inChannels, int residualBlocks, int features, double residualScale)
	implements EncoderSpec
{

	public EdsrSpec {
		if (inChannels < 1 || residualBlocks < 0 || features < 1 || !(residualScale > 0)) {
			throw new IllegalArgumentException("invalid EDSR settings: channels " + inChannels
				+ ", blocks " + residualBlocks + ", features " + features + ", residual scale "
				+ residualScale);
		}
	}

	public static EdsrSpec baseline(int inChannels) {
		return new EdsrSpec(inChannels, 16, 64, 1.0);
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

	@Override
	public Map<String, long[]> parameterShapes() {
		Map<String, long[]> shapes = new LinkedHashMap<>();
		conv(shapes, "head.0", inChannels, features);
		for (int b = 0; b < residualBlocks; b++) {
			conv(shapes, "body." + b + ".body.0", features, features);
			conv(shapes, "body." + b + ".body.2", features, features);
		}
		conv(shapes, "body." + residualBlocks, features, features);
		return shapes;
	}

	static void conv(Map<String, long[]> shapes, String name, int in, int out) {
		shapes.put(name + ".weight", new long[] { out, in, 3, 3 });
		shapes.put(name + ".bias", new long[] { out });
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
