package io.github.liif.model;

/** A complete model: architecture, validated weights and descriptor. */
public record LiifModel(LiifModelWeights weights, ModelDescriptor descriptor) {

	public LiifSpec spec() {
		return weights.spec();
	}

	public int channels() {
		return weights.spec().inChannels();
	}
}
