package io.github.liif.train;

import io.github.liif.model.LiifModelWeights;
import io.github.liif.model.LiifSpec;
import io.github.liif.model.StateDict;
import io.github.liif.model.Weights;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fresh weights as PyTorch initialises Conv2d and Linear layers (the reference's): weights and
 * biases uniform in +-1/sqrt(fan_in) (kaiming_uniform with a = sqrt(5)).
 */
public final class ModelInitialiser {

	private ModelInitialiser() {}

	public static LiifModelWeights initialise(LiifSpec spec, long seed) {
		SplitMix rng = new SplitMix(seed ^ 0x5DEECE66DL);
		Map<String, Weights> weights = new LinkedHashMap<>();
		Map<String, long[]> shapes = spec.parameterShapes();
		for (Map.Entry<String, long[]> e : shapes.entrySet()) {
			String layer = e.getKey().substring(0, e.getKey().lastIndexOf('.'));
			long[] weightShape = shapes.get(layer + ".weight");
			long fanIn = 1;
			for (int i = 1; i < weightShape.length; i++) fanIn *= weightShape[i];
			double bound = 1 / Math.sqrt(fanIn);
			float[] data = new float[(int) Weights.numel(e.getValue())];
			for (int i = 0; i < data.length; i++) data[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
			weights.put(e.getKey(), new Weights(e.getValue(), data));
		}
		return new LiifModelWeights(spec, new StateDict(weights));
	}
}
