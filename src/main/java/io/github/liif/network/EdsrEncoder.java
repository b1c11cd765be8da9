package io.github.liif.network;

import ai.djl.ndarray.NDArray;
import io.github.liif.model.EdsrSpec;
import java.util.Map;

/** EDSR without upsampling, exactly the reference's forward pass (mean-shift layers unused). */
final class EdsrEncoder implements Encoder {

	private final EdsrSpec spec;
	private final Map<String, NDArray> p;

	EdsrEncoder(EdsrSpec spec, Map<String, NDArray> params) {
		this.spec = spec;
		this.p = params;
	}

	@Override
	public NDArray forward(NDArray image) {
		NDArray head = conv(image, "encoder.head.0");
		NDArray x = head;
		for (int b = 0; b < spec.residualBlocks(); b++) {
			String block = "encoder.body." + b + ".body.";
			NDArray r = conv(Layers.relu(conv(x, block + "0")), block + "2");
			if (spec.residualScale() != 1.0) r = r.mul(spec.residualScale());
			x = r.add(x);
		}
		return conv(x, "encoder.body." + spec.residualBlocks()).add(head);
	}

	private NDArray conv(NDArray x, String name) {
		return Layers.conv(x, p.get(name + ".weight"), p.get(name + ".bias"));
	}
}
