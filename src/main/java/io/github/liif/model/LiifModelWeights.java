package io.github.liif.model;

/** An architecture together with weights validated against it. */
public record LiifModelWeights(LiifSpec spec, StateDict stateDict) {}
