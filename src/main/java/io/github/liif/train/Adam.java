package io.github.liif.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.github.liif.model.StateDict;
import io.github.liif.model.Weights;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam as torch.optim.Adam computes it (betas 0.9, 0.999, eps 1e-8, no weight decay), with
 * its moments exposed for checkpoints so that a resumed run continues exactly.
 */
final class Adam implements AutoCloseable {

	private static final double BETA1 = 0.9;
	private static final double BETA2 = 0.999;
	private static final double EPS = 1e-8;

	private final NDManager manager;
	private final Map<String, NDArray> params;
	private final Map<String, NDArray> first = new LinkedHashMap<>();
	private final Map<String, NDArray> second = new LinkedHashMap<>();
	private long step;

	/** @param params the trainable parameters by name (gradients attached) */
	Adam(NDManager parent, Map<String, NDArray> params) {
		this.manager = parent.newSubManager();
		this.params = params;
		params.forEach((k, p) -> {
			first.put(k, manager.zeros(p.getShape()));
			second.put(k, manager.zeros(p.getShape()));
		});
	}

	long step() {
		return step;
	}

	/** Applies one update with the current gradients, then zeroes them. Call with grad mode off. */
	void update(double learningRate, NDManager scope) {
		step++;
		double bias1 = 1 - Math.pow(BETA1, step);
		double bias2 = 1 - Math.pow(BETA2, step);
		// NB: in-place ops with a Java number create the scalar in the target's manager, which lives
		// as long as the optimizer; scalars made here live for this step only
		NDArray beta1 = scope.create((float) BETA1);
		NDArray beta2 = scope.create((float) BETA2);
		for (Map.Entry<String, NDArray> e : params.entrySet()) {
			NDArray p = e.getValue();
			NDArray g = scoped(p.getGradient(), scope);
			NDArray m = first.get(e.getKey());
			NDArray v = second.get(e.getKey());
			m.muli(beta1).addi(g.mul(1 - BETA1));
			v.muli(beta2).addi(g.square().mul(1 - BETA2));
			NDArray denominator = scoped(v.sqrt(), scope).div(Math.sqrt(bias2)).add(EPS);
			NDArray delta = scoped(m.div(denominator), scope).mul(learningRate / bias1);
			p.subi(delta);
			JniUtils.zeroGrad((PtNDArray) p);
		}
	}

	private static NDArray scoped(NDArray a, NDManager scope) {
		a.attach(scope);
		return a;
	}

	/** Moments as {@code m.NAME} and {@code v.NAME}, plus the step count. */
	StateDict state() {
		Map<String, Weights> out = new LinkedHashMap<>();
		first.forEach((k, a) -> out.put("m." + k, new Weights(a.getShape().getShape(), a.toFloatArray())));
		second.forEach((k, a) -> out.put("v." + k, new Weights(a.getShape().getShape(), a.toFloatArray())));
		out.put("step", new Weights(new long[]{ 1 }, new float[]{ step }));
		return new StateDict(out);
	}

	void restore(StateDict state) {
		first.forEach((k, a) -> a.set(state.get("m." + k).data()));
		second.forEach((k, a) -> a.set(state.get("v." + k).data()));
		step = (long) state.get("step").data()[0];
	}

	@Override
	public void close() {
		manager.close();
	}
}
