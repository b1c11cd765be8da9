package io.github.liif.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.github.liif.model.RdnSpec;
import java.util.Map;

/** RDN without upsampling, exactly the reference's forward pass. */
final class RdnEncoder implements Encoder {

	private final RdnSpec spec;
	private final Map<String, NDArray> p;

	RdnEncoder(RdnSpec spec, Map<String, NDArray> params) {
		this.spec = spec;
		this.p = params;
	}

	@Override
	public NDArray forward(NDArray image) {
		NDArray shallow = conv(image, "encoder.SFENet1");
		NDArray x = conv(shallow, "encoder.SFENet2");
		NDList blockOutputs = new NDList();
		for (int d = 0; d < spec.blocks(); d++) {
			x = denseBlock(x, "encoder.RDBs." + d + ".");
			blockOutputs.add(x);
		}
		NDArray fused = conv(conv(ai.djl.ndarray.NDArrays.concat(blockOutputs, 1), "encoder.GFF.0"), "encoder.GFF.1");
		return fused.add(shallow);
	}

	/** Intermediates are closed once used, as in {@link EdsrEncoder#forward}. */
	private NDArray denseBlock(NDArray input, String prefix) {
		NDArray t = input;
		for (int c = 0; c < spec.layers(); c++) {
			NDArray conv = conv(t, prefix + "convs." + c + ".conv.0");
			NDArray grown = Layers.relu(conv);
			conv.close();
			NDArray wider = t.concat(grown, 1);
			grown.close();
			if (t != input) t.close();
			t = wider;
		}
		NDArray fused = conv(t, prefix + "LFF");
		if (t != input) t.close();
		NDArray out = fused.add(input);
		fused.close();
		return out;
	}

	private NDArray conv(NDArray x, String name) {
		return Layers.conv(x, p.get(name + ".weight"), p.get(name + ".bias"));
	}
}
