package io.github.liif.model;

import java.util.Map;

/**
 * The architecture of a LIIF encoder: maps an image (B, inChannels, H, W) to features
 * (B, outChannels, H, W) with no upsampling tail.
 */
public sealed interface EncoderSpec permits EdsrSpec, RdnSpec {

	/** Name as in the reference's {@code encoder_spec.name}. */
	String name();

	int inChannels();

	int outChannels();

	/**
	 * How far (in LR pixels) a feature can see: a feature at p depends only on input pixels
	 * within this distance, so a tile with this halo gives exact features in its core.
	 */
	int receptiveRadius();

	/** Parameter names (without the {@code encoder.} prefix) and their shapes. */
	Map<String, long[]> parameterShapes();

	/** The reference's {@code encoder_spec.args}, for descriptors and exports. */
	Map<String, Object> args();
}
