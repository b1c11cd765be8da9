package io.github.liif.app;

import io.github.liif.catalogue.Models;
import io.github.liif.image.Degradation;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.runtime.DeviceChoice;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * An evaluation as the front ends ask for it, built with {@link #builder(List)}: reduce each image
 * (in XY, or along Z), restore it with the model and the classic interpolations, and score them.
 * What a front end does not set is the default here.
 *
 * @param images high-resolution images
 * @param model "default", a bundled name or a model file
 * @param scales reduction factors, each >= 1
 * @param degradations how images are reduced, one evaluation each ("auto" consistency still undoes the model's own)
 * @param noise Gaussian noise for the blur-noise degradation, in [0, 1] units
 * @param seed the noise's seed (with each image's name and scale: the same noise in every run)
 * @param axialSigma along Z: the axial PSF, a Gaussian of this many slices applied before the reduction (0: none)
 * @param ssim whether SSIM is computed too (slower)
 * @param consistency the back-projection step after the network
 * @param ensemble 1, or 8 for the self-ensemble (see {@link UpscaleOptions#ensemble()})
 * @param zPlanes along Z: which plane families the model runs on
 * @param device where the network runs
 */
public record EvaluationRequest(List<ImageSource> images, String model, double[] scales, List<Degradation> degradations,
	double noise, long seed, double axialSigma, boolean ssim, Consistency consistency, int ensemble, AxialUpscaler.Planes zPlanes,
	DeviceChoice device)
{

	/** The scales of the paper's tables, as a comma-separated list for option defaults. */
	public static final String SCALES = "2,2.5,3,4,6,8,12";
	/** The noise of the blur-noise degradation. */
	public static final double NOISE = 0.01;

	public EvaluationRequest {
		images = List.copyOf(images);
		scales = scales.clone();
		if (scales.length == 0) throw new IllegalArgumentException("give at least one scale");
		for (double s : scales)
			if (!(s >= 1) || !Double.isFinite(s)) throw new IllegalArgumentException("scales must be >= 1, got " + s);
		Models.requireChoice(model);
		degradations = List.copyOf(new LinkedHashSet<>(degradations));
		if (degradations.isEmpty()) throw new IllegalArgumentException("give at least one degradation");
		if (!(axialSigma >= 0) || !Double.isFinite(axialSigma)) {
			throw new IllegalArgumentException("the axial PSF sigma must be a number >= 0 (slices), got " + axialSigma);
		}
		Objects.requireNonNull(consistency, "consistency");
		UpscaleOptions.checkEnsemble(ensemble);
		Objects.requireNonNull(zPlanes, "zPlanes");
		Objects.requireNonNull(device, "device");
	}

	@Override
	public double[] scales() {
		return scales.clone();
	}

	public static Builder builder(List<? extends ImageSource> images) {
		return new Builder(images);
	}

	/** Builds an {@link EvaluationRequest}; unset fields keep their defaults. */
	public static final class Builder {

		private final List<ImageSource> images;
		private String model = Models.DEFAULT;
		private double[] scales = parseScales(SCALES);
		private List<Degradation> degradations = List.of(Degradation.BICUBIC);
		private double noise = NOISE;
		private long seed = 1;
		private double axialSigma;
		private boolean ssim = true;
		private Consistency consistency = Consistency.DEFAULT;
		private int ensemble = 1;
		private AxialUpscaler.Planes zPlanes = AxialUpscaler.Planes.BOTH;
		private DeviceChoice device = DeviceChoice.AUTO;

		private Builder(List<? extends ImageSource> images) {
			this.images = List.copyOf(images);
		}

		public Builder model(String name) {
			model = name;
			return this;
		}

		public Builder scales(double... factors) {
			scales = factors.clone();
			return this;
		}

		public Builder degradation(Degradation d) {
			return degradations(List.of(d));
		}

		/** Several protocols in one run: each image scored under each. */
		public Builder degradations(List<Degradation> ds) {
			degradations = List.copyOf(ds);
			return this;
		}

		public Builder seed(long noiseSeed) {
			seed = noiseSeed;
			return this;
		}

		/** Along Z: the axial PSF's sigma in slices, applied before the reduction. */
		public Builder axialSigma(double slices) {
			axialSigma = slices;
			return this;
		}

		public Builder noise(double sigma) {
			if (!(sigma >= 0)) throw new IllegalArgumentException("noise must be >= 0, got " + sigma);
			noise = sigma;
			return this;
		}

		public Builder ssim(boolean on) {
			ssim = on;
			return this;
		}

		public Builder ensemble(int predictions) {
			ensemble = predictions;
			return this;
		}

		public Builder consistency(Consistency c) {
			consistency = c;
			return this;
		}

		public Builder zPlanes(AxialUpscaler.Planes planes) {
			zPlanes = planes;
			return this;
		}

		public Builder device(DeviceChoice d) {
			device = d;
			return this;
		}

		public EvaluationRequest build() {
			return new EvaluationRequest(images, model, scales, degradations, noise, seed, axialSigma, ssim, consistency,
				ensemble, zPlanes, device);
		}
	}

	/** "2,2.5" to its factors; a clear message for anything else. */
	public static double[] parseScales(String list) {
		try {
			return Arrays.stream(list.split(",")).map(String::trim).filter(t -> !t.isEmpty()).mapToDouble(Double::parseDouble)
				.toArray();
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("scales must be numbers separated by commas, got '" + list + "'");
		}
	}
}
