package io.github.liif.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RDN without its upsampling tail: two shallow convs, {@code blocks} residual dense blocks
 * of {@code layers} conv-ReLU layers with growth {@code growth}, 1x1 + 3x3 global fusion and
 * a global skip. Configuration B is 16 blocks of 8 layers, growth 64, G0 = 64.
 */
public record RdnSpec(int inChannels, int features, int blocks, int layers, int growth)
	implements EncoderSpec
{

	public RdnSpec {
		if (inChannels < 1 || features < 1 || blocks < 1 || layers < 1 || growth < 1) {
			throw new IllegalArgumentException("invalid RDN settings: channels " + inChannels
				+ ", G0 " + features + ", D " + blocks + ", C " + layers + ", G " + growth);
		}
	}

	public static RdnSpec configB(int inChannels) {
		return new RdnSpec(inChannels, 64, 16, 8, 64);
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

	@Override
	public Map<String, long[]> parameterShapes() {
		Map<String, long[]> shapes = new LinkedHashMap<>();
		EdsrSpec.conv(shapes, "SFENet1", inChannels, features);
		EdsrSpec.conv(shapes, "SFENet2", features, features);
		for (int d = 0; d < blocks; d++) {
			for (int c = 0; c < layers; c++) {
				EdsrSpec.conv(shapes, "RDBs." + d + ".convs." + c + ".conv.0", features + c * growth,
					growth);
			}
			pointwise(shapes, "RDBs." + d + ".LFF", features + layers * growth, features);
		}
		pointwise(shapes, "GFF.0", blocks * features, features);
		EdsrSpec.conv(shapes, "GFF.1", features, features);
		return shapes;
	}

	private static void pointwise(Map<String, long[]> shapes, String name, int in, int out) {
		shapes.put(name + ".weight", new long[] { out, in, 1, 1 });
		shapes.put(name + ".bias", new long[] { out });
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
