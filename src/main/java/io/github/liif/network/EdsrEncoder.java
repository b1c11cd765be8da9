package io.github.liif.network;

import ai.djl.ndarray.NDArray;
import io.github.liif.model.ConvLayer;
import io.github.liif.model.EdsrSpec;
import io.github.liif.model.Padding;
import java.util.Map;

/** EDSR without upsampling, exactly the reference's forward pass (mean-shift layers unused). */
final class EdsrEncoder implements Encoder {

	private final EdsrSpec spec;
	private final Map<String, NDArray> p;
	private final Padding padding;

	EdsrEncoder(EdsrSpec spec, Map<String, NDArray> params, Padding padding) {
		this.spec = spec;
		this.p = params;
		this.padding = padding;
	}

	/**
	 * NB: every intermediate is closed as soon as it is used. DJL keeps an op's result until its
	 * manager closes, so otherwise all 4 x 16 block activations of a tile stayed in native memory
	 * at once (~1 GB for a 256-pixel tile). Autograd keeps what it needs for backward itself.
	 */
	@Override
	public NDArray forward(NDArray image) {
		NDArray head = conv(image, spec.head());
		NDArray x = head;
		for (int b = 0; b < spec.residualBlocks(); b++) {
			NDArray first = conv(x, spec.blockConv(b, false));
			NDArray activated = Layers.relu(first);
			first.close();
			NDArray r = conv(activated, spec.blockConv(b, true));
			activated.close();
			if (spec.residualScale() != 1.0) {
				NDArray scaled = r.mul(spec.residualScale());
				r.close();
				r = scaled;
			}
			NDArray next = r.add(x);
			r.close();
			if (x != head) x.close();
			x = next;
		}
		NDArray body = conv(x, spec.bodyConv());
		if (x != head) x.close();
		NDArray out = body.add(head);
		body.close();
		head.close();
		return out;
	}

	private NDArray conv(NDArray x, ConvLayer layer) {
		return Layers.conv(x, p.get(layer.weight()), p.get(layer.bias()), padding);
	}
}
