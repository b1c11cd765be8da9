package io.github.liif.model;

/** A complete model: architecture, validated weights and descriptor. */
public record LiifModel(LiifModelWeights network, ModelDescriptor descriptor) {

	public LiifSpec spec() {
		return network.spec();
	}

	public int channels() {
		return network.spec().inChannels();
	}
}
