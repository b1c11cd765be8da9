package io.github.liif.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.liif.model.StateDict;
import io.github.liif.model.Weights;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of the trained parameters ({@code avg += (1 - decay) * (p - avg)}
 * after every step): it smooths the step-to-step noise of Adam's weights but lags behind a model
 * that is still improving. The average is the model a run ships; the decay is checked by
 * {@link TrainingConfig}.
 */
final class WeightAverage implements AutoCloseable {

	private final NDManager manager;
	private final Map<String, NDArray> params;
	private final Map<String, NDArray> average = new LinkedHashMap<>();
	private final double decay;

	/**
	 * @param params the trained parameters by name
	 * @param start the average to continue from, or the parameters' current values when null
	 */
	WeightAverage(NDManager parent, Map<String, NDArray> params, double decay, StateDict start) {
		this.manager = parent.newSubManager();
		this.params = params;
		this.decay = decay;
		params.forEach((k, p) -> {
			float[] values = start != null && start.contains(k) ? start.get(k).data() : p.toFloatArray();
			average.put(k, manager.create(values, p.getShape()));
		});
	}

	/** Moves the average towards the current parameters. Call with grad mode off. */
	void update(NDManager scope) {
		for (Map.Entry<String, NDArray> e : params.entrySet()) {
			NDArray avg = average.get(e.getKey());
			NDArray step = e.getValue().sub(avg);
			step.attach(scope);
			avg.addi(step.mul(1 - decay));
		}
	}

	/** {@code weights} with the averaged parameters in place of the trained ones. */
	StateDict applyTo(StateDict weights) {
		Map<String, Weights> out = new LinkedHashMap<>(weights.asMap());
		average.forEach((k, a) -> out.put(k, new Weights(a.getShape().getShape(), a.toFloatArray())));
		return new StateDict(out);
	}

	@Override
	public void close() {
		manager.close();
	}
}
