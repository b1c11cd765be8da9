package io.github.liif.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * RDN without its upsampling tail: two shallow convs, {@code blocks} residual dense blocks
 * of {@code layers} conv-ReLU layers with growth {@code growth}, 1x1 + 3x3 global fusion and
 * a global skip. Configuration B is 16 blocks of 8 layers, growth 64, G0 = 64.
 */
public record RdnSpec(int inChannels, int features, int blocks, int layers, int growth) implements EncoderSpec {

	public RdnSpec {
		if (inChannels < 1 || features < 1 || blocks < 1 || layers < 1 || growth < 1) {
			throw new IllegalArgumentException("invalid RDN settings: channels " + inChannels + ", G0 " + features + ", D "
				+ blocks + ", C " + layers + ", G " + growth);
		}
	}

	public static RdnSpec configB(int inChannels) {
		return new RdnSpec(inChannels, 64, 16, 8, 64);
	}

	@Override
	public <R> R match(Cases<R> cases) {
		return cases.rdn(this);
	}

	@Override
	public RdnSpec resized(OptionalInt newBlocks, OptionalInt newFeatures) {
		return new RdnSpec(inChannels, newFeatures.orElse(features), newBlocks.orElse(blocks), layers, growth);
	}

	@Override
	public RdnSpec withInChannels(int channels) {
		return new RdnSpec(channels, features, blocks, layers, growth);
	}

	@Override
	public String name() {
		return "rdn";
	}

	@Override
	public int outChannels() {
		return features;
	}

	@Override
	public int receptiveRadius() {
		return 2 + blocks * layers + 1;
	}

	/** The reference's name of the first shallow-feature convolution (image to features). */
	public static final String FIRST = PREFIX + "SFENet1";

	/** The reference's name of dense layer {@code layer} of block {@code block}. */
	public static String denseConvName(int block, int layer) {
		return PREFIX + "RDBs." + block + ".convs." + layer + ".conv.0";
	}

	/** The reference's name of block {@code block}'s local feature fusion (1 x 1). */
	public static String localFusionName(int block) {
		return PREFIX + "RDBs." + block + ".LFF";
	}

	public ConvLayer shallow1() {
		return new ConvLayer(FIRST, inChannels, features, 3);
	}

	public ConvLayer shallow2() {
		return new ConvLayer(PREFIX + "SFENet2", features, features, 3);
	}

	/** Dense layer {@code layer} of block {@code block}: everything so far in the block to {@code growth} more channels. */
	public ConvLayer denseConv(int block, int layer) {
		return new ConvLayer(denseConvName(block, layer), features + layer * growth, growth, 3);
	}

	public ConvLayer localFusion(int block) {
		return new ConvLayer(localFusionName(block), features + layers * growth, features, 1);
	}

	/** Global feature fusion: the blocks' outputs, 1 x 1 then 3 x 3. */
	public ConvLayer globalFusion(boolean second) {
		return second ? new ConvLayer(PREFIX + "GFF.1", features, features, 3) : new ConvLayer(PREFIX + "GFF.0", blocks
			* features, features, 1);
	}

	@Override
	public List<ConvLayer> convolutions() {
		List<ConvLayer> out = new ArrayList<>();
		out.add(shallow1());
		out.add(shallow2());
		for (int d = 0; d < blocks; d++) {
			for (int c = 0; c < layers; c++) out.add(denseConv(d, c));
			out.add(localFusion(d));
		}
		out.add(globalFusion(false));
		out.add(globalFusion(true));
		return out;
	}

	@Override
	public Map<String, Object> args() {
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("G0", features);
		args.put("D", blocks);
		args.put("C", layers);
		args.put("G", growth);
		args.put("RDNkSize", 3);
		args.put("n_colors", inChannels);
		args.put("no_upsampling", true);
		return args;
	}
}
