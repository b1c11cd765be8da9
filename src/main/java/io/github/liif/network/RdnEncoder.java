package io.github.liif.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import io.github.liif.model.ConvLayer;
import io.github.liif.model.Padding;
import io.github.liif.model.RdnSpec;
import java.util.Map;

/** RDN without upsampling, exactly the reference's forward pass. */
final class RdnEncoder implements Encoder {

	private final RdnSpec spec;
	private final Map<String, NDArray> p;
	private final Padding padding;

	RdnEncoder(RdnSpec spec, Map<String, NDArray> params, Padding padding) {
		this.spec = spec;
		this.p = params;
		this.padding = padding;
	}

	@Override
	public NDArray forward(NDArray image) {
		NDArray shallow = conv(image, spec.shallow1());
		NDArray x = conv(shallow, spec.shallow2());
		NDList blockOutputs = new NDList();
		for (int d = 0; d < spec.blocks(); d++) {
			x = denseBlock(x, d);
			blockOutputs.add(x);
		}
		NDArray fused = conv(conv(NDArrays.concat(blockOutputs, 1), spec.globalFusion(false)), spec.globalFusion(true));
		return fused.add(shallow);
	}

	/** Intermediates are closed once used, as in {@link EdsrEncoder#forward}. */
	private NDArray denseBlock(NDArray input, int block) {
		NDArray t = input;
		for (int c = 0; c < spec.layers(); c++) {
			NDArray conv = conv(t, spec.denseConv(block, c));
			NDArray grown = Layers.relu(conv);
			conv.close();
			NDArray wider = t.concat(grown, 1);
			grown.close();
			if (t != input) t.close();
			t = wider;
		}
		NDArray fused = conv(t, spec.localFusion(block));
		if (t != input) t.close();
		NDArray out = fused.add(input);
		fused.close();
		return out;
	}

	private NDArray conv(NDArray x, ConvLayer layer) {
		return Layers.conv(x, p.get(layer.weight()), p.get(layer.bias()), padding);
	}
}
