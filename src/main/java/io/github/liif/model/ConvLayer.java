package io.github.liif.model;

import java.util.Map;

/**
 * One convolution of an encoder, declared once by its spec: the reference's state-dict name and
 * the shape of its weight ({@code out, in, kernel, kernel}) and bias ({@code out}). The spec's
 * parameter list and the network's forward pass both read it, so a name or a shape cannot drift
 * between them.
 */
public record ConvLayer(String name, int in, int out, int kernel) {

	public ConvLayer {
		if (in < 1 || out < 1 || kernel < 1)
			throw new IllegalArgumentException("invalid convolution " + name + ": " + in + " -> " + out);
	}

	public String weight() {
		return name + ".weight";
	}

	public String bias() {
		return name + ".bias";
	}

	void declareIn(Map<String, long[]> shapes) {
		shapes.put(weight(), new long[]{ out, in, kernel, kernel });
		shapes.put(bias(), new long[]{ out });
	}
}
