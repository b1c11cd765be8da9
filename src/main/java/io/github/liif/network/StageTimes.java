package io.github.liif.network;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where an upscale's time goes, stage by stage (for {@code liif bench}): each {@link #lap}
 * charges the time since the previous lap to a stage. Valid on the CPU, where every libtorch
 * operation has finished when it returns; on a GPU the laps would measure kernel launches.
 * Not thread-safe; {@link #NONE} (the default everywhere) measures nothing.
 */
public class StageTimes {

	/** The stages of inference in the order they run. */
	public enum Stage {
		/** the encoder on a tile's crop */
		ENCODER("encoder"),
		/** the latent table: unfolded features, or the first layer's 3x3 convolution (SPLIT) */
		LATENT_TABLE("latent table"),
		/** per-query geometry and the residual base, in Java */
		GEOMETRY("query geometry (Java)"),
		/** query arrays copied into native memory */
		STAGING("staging in"),
		/** each query's latent row gathered from the table */
		GATHER("latent gather"),
		/** the first layer's coordinate part (SPLIT) or the whole first layer (REFERENCE) */
		FIRST_LAYER("first layer"),
		/** the hidden and output layers' matrix multiplies (with their bias) */
		HIDDEN_LAYERS("hidden layers"),
		/** ReLU between the layers */
		ACTIVATIONS("activations"),
		/** the local ensemble's weighted sum, the residual base, back to [0, 1] */
		BLEND("ensemble blend"),
		/** results copied back to Java and handed to the sink */
		OUTPUT("copy out and sink");

		private final String label;

		Stage(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Measures nothing. */
	public static final StageTimes NONE = new StageTimes() {

		@Override
		public void start() {}

		@Override
		public void lap(Stage stage) {}
	};

	private final long[] nanos = new long[Stage.values().length];
	private long last;

	/** Starts the clock; the next lap is charged from now. */
	public void start() {
		last = System.nanoTime();
	}

	/** Charges the time since the previous lap (or start) to {@code stage}. */
	public void lap(Stage stage) {
		long now = System.nanoTime();
		nanos[stage.ordinal()] += now - last;
		last = now;
	}

	/** Seconds charged to each stage so far, in stage order. */
	public Map<Stage, Double> seconds() {
		Map<Stage, Double> out = new EnumMap<>(Stage.class);
		for (Stage s : Stage.values()) out.put(s, nanos[s.ordinal()] / 1e9);
		return out;
	}
}
