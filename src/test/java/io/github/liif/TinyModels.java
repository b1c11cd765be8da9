package io.github.liif;

import io.github.liif.model.EdsrSpec;
import io.github.liif.model.GlobalResidual;
import io.github.liif.model.LiifModelWeights;
import io.github.liif.model.LiifSpec;
import io.github.liif.model.RdnSpec;
import io.github.liif.model.StateDict;
import io.github.liif.model.Weights;
import io.github.liif.train.ModelInitialiser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** Small models for tests: random ones, and hand-made ones whose outputs can be computed by hand. */
public final class TinyModels {

	private TinyModels() {}

	public static LiifModelWeights randomEdsr(int channels, boolean ensemble, long seed) {
		return randomEdsr(channels, ensemble, GlobalResidual.NONE, seed);
	}

	public static LiifModelWeights randomEdsr(int channels, boolean ensemble, GlobalResidual residual, long seed) {
		LiifSpec spec = LiifSpec.builder(new EdsrSpec(channels, 2, 8, 1.0)).hidden(16, 16).localEnsemble(ensemble).globalResidual(
			residual).build();
		return ModelInitialiser.initialise(spec, seed);
	}

	public static LiifModelWeights randomRdn(int channels, long seed) {
		LiifSpec spec = LiifSpec.builder(new RdnSpec(channels, 8, 2, 2, 4)).hidden(16).build();
		return ModelInitialiser.initialise(spec, seed);
	}

	/**
	 * A 2-channel model with a zero encoder whose MLP outputs two of its inputs: channel 0 gets
	 * decoder input {@code first}, channel 1 input {@code second} (indices into [latent..., rel_y,
	 * rel_x, cell_y, cell_x]). Each passes a ReLU as +v and -v.
	 */
	public static LiifModelWeights passThrough(boolean ensemble, int first, int second) {
		LiifSpec spec = LiifSpec.builder(new EdsrSpec(2, 0, 2, 1.0)).hidden(4).localEnsemble(ensemble).build();
		Map<String, Weights> w = new LinkedHashMap<>();
		spec.parameterShapes().forEach((name, shape) -> w.put(name, new Weights(shape, new float[(int) Weights.numel(shape)])));
		int in = spec.decoderInputWidth();
		set(w, "imnet.layers.0.weight", (o, i) -> (o == 0 && i == first) ? 1f : (o == 1 && i == first) ? -1f : (o == 2
			&& i == second) ? 1f : (o == 3 && i == second) ? -1f : 0f, 4, in);
		set(w, "imnet.layers.2.weight", (o, i) -> (o == 0 && i == 0) ? 1f : (o == 0 && i == 1) ? -1f : (o == 1 && i == 2) ? 1f
			: (o == 1 && i == 3) ? -1f : 0f, 2, 4);
		return new LiifModelWeights(spec, new StateDict(w));
	}

	/** The model with its last decoder layer zeroed: its decoder outputs 0 everywhere. */
	public static LiifModelWeights silenced(LiifModelWeights model) {
		Map<String, Weights> w = new LinkedHashMap<>();
		String last = LiifSpec.linearName(model.spec().linearLayers() - 1);
		for (String name : model.stateDict().names()) {
			Weights v = model.stateDict().get(name);
			w.put(name, name.startsWith(last) ? new Weights(v.shape(), new float[v.data().length]) : v);
		}
		return new LiifModelWeights(model.spec(), new StateDict(w));
	}

	private static void set(Map<String, Weights> w, String name, BiFunction<Integer, Integer, Float> f, int rows, int cols) {
		float[] data = new float[rows * cols];
		for (int o = 0; o < rows; o++) for (int i = 0; i < cols; i++) data[o * cols + i] = f.apply(o, i);
		w.put(name, new Weights(new long[]{ rows, cols }, data));
	}
}
