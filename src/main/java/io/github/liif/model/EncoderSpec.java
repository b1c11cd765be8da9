package io.github.liif.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The architecture of a LIIF encoder: maps an image (B, inChannels, H, W) to features
 * (B, outChannels, H, W) with no upsampling tail.
 */
public sealed interface EncoderSpec permits EdsrSpec, RdnSpec {

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
