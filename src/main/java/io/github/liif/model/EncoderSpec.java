package io.github.liif.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The architecture of a LIIF encoder: maps an image (B, inChannels, H, W) to features
 * (B, outChannels, H, W) with no upsampling tail. A new encoder is one spec here (listed in
 * {@link Cases} and {@link #forNewModels}) and one network class: the compiler points at every
 * place that must know it.
 */
public sealed interface EncoderSpec permits EdsrSpec, RdnSpec {

	/** One result per kind of encoder: what a caller does with each (building its network, say). */
	interface Cases<R> {

		R edsr(EdsrSpec spec);

		R rdn(RdnSpec spec);
	}

	/** The result {@code cases} gives for this kind of encoder. */
	<R> R match(Cases<R> cases);

	/** The encoders a new model may have, at their defaults for images of {@code channels} channels. */
	static List<EncoderSpec> forNewModels(int channels) {
		return List.of(EdsrSpec.baseline(channels), RdnSpec.configB(channels));
	}

	/** The names of {@link #forNewModels}, as a new model's encoder is chosen. */
	static List<String> namesForNewModels() {
		return forNewModels(1).stream().map(EncoderSpec::name).toList();
	}

	/** The encoder of a new model by its name, with its blocks and features where given, else its defaults. */
	static EncoderSpec forNewModel(String name, int channels, OptionalInt blocks, OptionalInt features) {
		for (EncoderSpec spec : forNewModels(channels)) if (spec.name().equals(name)) return spec.resized(blocks, features);
		throw new IllegalArgumentException("unknown encoder '" + name + "': use " + String.join(" or ", namesForNewModels()));
	}

	/** The same architecture with other blocks and features where given. */
	EncoderSpec resized(OptionalInt blocks, OptionalInt features);

	/** The same architecture for images of {@code channels} channels. */
	EncoderSpec withInChannels(int channels);

	/** What the reference's state dicts put before an encoder's parameter names. */
	String PREFIX = "encoder.";

	/** Name as in the reference's {@code encoder_spec.name}. */
	String name();

	int inChannels();

	int outChannels();

	/**
	 * How far (in LR pixels) a feature can see: a feature at p depends only on input pixels
	 * within this distance, so a tile with this halo gives exact features in its core.
	 */
	int receptiveRadius();

	/** Its convolutions in the order the forward pass runs them. */
	List<ConvLayer> convolutions();

	/** Parameter names (the reference's, {@code encoder.} included) and their shapes, from {@link #convolutions()}. */
	default Map<String, long[]> parameterShapes() {
		Map<String, long[]> shapes = new LinkedHashMap<>();
		for (ConvLayer layer : convolutions()) layer.declareIn(shapes);
		return shapes;
	}

	/** The reference's {@code encoder_spec.args}, for descriptors and exports. */
	Map<String, Object> args();
}
