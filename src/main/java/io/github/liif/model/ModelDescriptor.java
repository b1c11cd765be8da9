package io.github.liif.model;

import com.google.gson.JsonObject;

/**
 * What a model file says about its model besides the weights.
 *
 * @param name short name shown to users
 * @param minScale smallest training scale
 * @param maxScale largest training scale (beyond it the model extrapolates)
 * @param provenance data, recipe, iterations, validation figures (free-form JSON)
 */
public record ModelDescriptor(String name, double minScale, double maxScale, JsonObject provenance) {

	public ModelDescriptor {
		provenance = provenance == null ? new JsonObject() : provenance.deepCopy();
	}

	/** For imported reference checkpoints: trained on 8-bit photographs at scales 1-4. */
	public static ModelDescriptor reference(String name) {
		JsonObject p = new JsonObject();
		p.addProperty("source", "reference LIIF checkpoint");
		return new ModelDescriptor(name, 1, 4, p);
	}

	@Override
	public JsonObject provenance() {
		return provenance.deepCopy();
	}
}
