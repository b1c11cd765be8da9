package io.github.liif.train;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.liif.image.Degradation;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A training recipe. Defaults are the reference's (48 x 48 LR patches, scale ~ U(1, 4), 2304
 * sampled pixels, batch 16, L1, Adam 1e-4 halved at fixed steps, no weight average). Immutable;
 * build with {@link #builder()}. {@code averageDecay} > 0 ships an exponential moving average of
 * the weights instead of the last step's. {@code axial}: reduce along one axis only (the rows),
 * after a Gaussian blur of {@code axialSigma} HR pixels along it, to train a model for Z.
 * {@code degradations}: each sample is reduced by one of them, drawn uniformly (a mixture: the
 * physics of several instruments); blur-noise draws its noise level uniformly from [0, noise].
 */
public record TrainingConfig(int patch, double minScale, double maxScale, boolean anisotropic, int samples, int batch,
	double learningRate, int decayEvery, int iterations, long seed, List<Degradation> degradations, double noise,
	int checkpointEvery, int validateEvery, boolean freezeEncoder, double averageDecay, boolean axial, double axialSigma)
{

	/** The reference's recipe, the builder's and {@code liif train}'s defaults. */
	public static final int PATCH = 48;
	public static final int SAMPLES = 2304;
	public static final int BATCH = 16;
	public static final double LEARNING_RATE = 1e-4;
	public static final int DECAY_EVERY = 200_000;
	public static final double MIN_SCALE = 1;
	public static final double MAX_SCALE = 4;
	/** Fiji's dialogs fine-tune a bundled model by default: fewer iterations, half the reference's rate. */
	public static final int FINE_TUNE_ITERATIONS = 2000;
	public static final double FINE_TUNE_LEARNING_RATE = 5e-5;

	public TrainingConfig {
		if (degradations == null || degradations.isEmpty()) throw new IllegalArgumentException("give at least one degradation");
		degradations = List.copyOf(new LinkedHashSet<>(degradations));
		if (patch < 8) throw new IllegalArgumentException("patch must be at least 8 pixels");
		if (!(minScale >= 1) || !(maxScale >= minScale) || !Double.isFinite(maxScale)) {
			throw new IllegalArgumentException("scale range must satisfy 1 <= min <= max, got " + minScale + "-" + maxScale);
		}
		if (samples < 1 || samples > patch * patch * minScale * minScale + 1e-9) {
			throw new IllegalArgumentException("samples per patch must be between 1 and patch^2 * minScale^2");
		}
		if (batch < 1 || iterations < 1 || decayEvery < 1 || checkpointEvery < 1 || validateEvery < 1) {
			throw new IllegalArgumentException("batch, iterations and intervals must be positive");
		}
		if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive");
		if (!(noise >= 0)) throw new IllegalArgumentException("noise must be >= 0");
		if (!(averageDecay == 0 || averageDecay > 0 && averageDecay < 1)) {
			throw new IllegalArgumentException("weight-average decay must be 0 (off) or between 0 and 1, got " + averageDecay);
		}
		if (!(axialSigma >= 0) || !Double.isFinite(axialSigma)) {
			throw new IllegalArgumentException("the axial PSF sigma must be a number >= 0 (HR pixels), got " + axialSigma);
		}
		if (axial && anisotropic) throw new IllegalArgumentException("axial training reduces one axis only: drop anisotropic");
		if (axial && degradations.contains(Degradation.BLUR_NOISE)) {
			throw new IllegalArgumentException(
				"axial training has its own blur (the axial sigma): use the bicubic or area degradation");
		}
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The reduction a model of this recipe assumes ("auto" consistency, validation): its one
	 * degradation, or for a mixture camera binning (area), the physically plain reduction.
	 */
	public Degradation assumedDegradation() {
		if (degradations.size() == 1) return degradations.get(0);
		return degradations.contains(Degradation.AREA) ? Degradation.AREA : degradations.get(0);
	}

	/** The row blur the consistency step applies for a model of this recipe. */
	public double rowBlur() {
		return axial ? axialSigma : 0;
	}

	/** Learning rate at an iteration: halved every {@code decayEvery} iterations. */
	public double learningRateAt(long iteration) {
		return learningRate * Math.pow(0.5, iteration / decayEvery);
	}

	public JsonObject toJson() {
		return new Gson().toJsonTree(this).getAsJsonObject();
	}

	/** Reads {@link #toJson()}, and the recipes written before mixtures (one {@code degradation}). */
	public static TrainingConfig fromJson(JsonObject json) {
		JsonObject j = json.deepCopy();
		if (!j.has("degradations") && j.has("degradation")) {
			JsonArray one = new JsonArray();
			one.add(j.remove("degradation"));
			j.add("degradations", one);
		}
		return new Gson().fromJson(j, TrainingConfig.class);
	}

	/** Builder with the reference's defaults. */
	public static final class Builder {

		private int patch = PATCH;
		private double minScale = MIN_SCALE;
		private double maxScale = MAX_SCALE;
		private boolean anisotropic;
		private int samples = SAMPLES;
		private int batch = BATCH;
		private double learningRate = LEARNING_RATE;
		private int decayEvery = DECAY_EVERY;
		private int iterations = 1000;
		private long seed = 1;
		private List<Degradation> degradations = List.of(Degradation.BICUBIC);
		private double noise = 0.01;
		private int checkpointEvery = 500;
		private int validateEvery = 500;
		private boolean freezeEncoder;
		private double averageDecay;
		private boolean axial;
		private double axialSigma;

		public Builder patch(int v) { patch = v; return this; }
		public Builder scales(double min, double max) { minScale = min; maxScale = max; return this; }
		public Builder anisotropic(boolean v) { anisotropic = v; return this; }
		public Builder samples(int v) { samples = v; return this; }
		public Builder batch(int v) { batch = v; return this; }
		public Builder learningRate(double v) { learningRate = v; return this; }
		public Builder decayEvery(int v) { decayEvery = v; return this; }
		public Builder iterations(int v) { iterations = v; return this; }
		public Builder seed(long v) { seed = v; return this; }
		public Builder degradation(Degradation v) { degradations = List.of(v); return this; }
		/** A mixture: each sample reduced by one of these, drawn uniformly. */
		public Builder degradations(List<Degradation> v) {
			degradations = v;
			return this;
		}
		public Builder noise(double v) { noise = v; return this; }
		public Builder checkpointEvery(int v) { checkpointEvery = v; return this; }
		public Builder validateEvery(int v) { validateEvery = v; return this; }
		public Builder freezeEncoder(boolean v) { freezeEncoder = v; return this; }
		public Builder averageDecay(double v) { averageDecay = v; return this; }
		/** Axial training (for Z) after a blur of {@code sigma} HR pixels along the reduced axis. */
		public Builder axial(double sigma) {
			axial = true;
			axialSigma = sigma;
			return this;
		}

		public TrainingConfig build() {
			return new TrainingConfig(patch, minScale, maxScale, anisotropic, samples, batch, learningRate, decayEvery,
				iterations, seed, degradations, noise, checkpointEvery, validateEvery, freezeEncoder, averageDecay, axial,
				axialSigma);
		}
	}
}
