package io.github.liif.train;

import io.github.liif.geometry.AxisSampling;
import io.github.liif.geometry.QueryBatch;
import io.github.liif.image.AxisTaps;
import io.github.liif.image.Degradation;
import io.github.liif.image.PlanarImage;
import io.github.liif.model.LiifSpec;
import io.github.liif.network.LiifNetwork;
import java.util.List;

/**
 * Draws training batches as the reference does: per sample a scale, an HR crop of
 * round(P * s) pixels, random flips and transpose, the LR patch by degradation, and
 * {@code samples} HR pixels without replacement as queries with their cell. Axial recipes
 * reduce the patch's rows only (an HR crop of round(P * s) x P).
 */
final class PatchSampler {

	private final List<TrainingImage> images;
	private final TrainingConfig config;
	private final int channels;
	private final boolean ensemble;
	private final boolean cell;
	private final boolean residual;

	PatchSampler(List<TrainingImage> images, TrainingConfig config, LiifSpec spec) {
		this.images = images;
		this.config = config;
		this.channels = images.get(0).image().channels();
		this.ensemble = spec.localEnsemble();
		this.cell = spec.cellDecode();
		this.residual = spec.residualChannels() > 0;
	}

	/** The batch of an iteration: a pure function of (seed, iteration). */
	TrainingBatch batch(long iteration) {
		SplitMix rng = SplitMix.forIteration(config.seed(), iteration);
		int b = config.batch();
		int p = config.patch();
		int q = config.samples();
		float[] lowRes = new float[b * channels * p * p];
		QueryBatch queries = new QueryBatch(b * q, ensemble, cell, residual ? channels : 0);
		float[] targets = new float[b * q * channels];
		for (int s = 0; s < b; s++) {
			TrainingImage image = images.get(rng.nextInt(images.size()));
			sample(image, rng, s, lowRes, queries, targets);
		}
		return new TrainingBatch(b, channels, p, lowRes, queries, targets);
	}

	private void sample(TrainingImage source, SplitMix rng, int s, float[] lowRes, QueryBatch queries, float[] targets) {
		PlanarImage img = source.image();
		int p = config.patch();
		double scaleY = uniform(rng);
		double scaleX = config.anisotropic() ? uniform(rng) : config.axial() ? 1 : scaleY;
		// axial: the reduced axis must be the patch's rows, so a patch to be transposed is cropped wide
		boolean axialTranspose = config.axial() && rng.nextBoolean();
		if (axialTranspose) {
			scaleX = scaleY;
			scaleY = 1;
		}
		int hrH = Math.min(img.height(), (int) Math.round(p * scaleY));
		int hrW = Math.min(img.width(), (int) Math.round(p * scaleX));
		int y0 = rng.nextInt(img.height() - hrH + 1);
		int x0 = rng.nextInt(img.width() - hrW + 1);
		boolean flipX = rng.nextBoolean();
		boolean flipY = rng.nextBoolean();
		boolean transpose = config.axial() ? axialTranspose : rng.nextBoolean();
		List<Degradation> mixture = config.degradations();
		// a single degradation draws nothing here, so its batches stay those of earlier versions
		Degradation degradation = mixture.size() == 1 ? mixture.get(0) : mixture.get(rng.nextInt(mixture.size()));
		double noise = degradation == Degradation.BLUR_NOISE ? config.noise() * rng.nextDouble() : 0;
		int outH = transpose ? hrW : hrH;
		int outW = transpose ? hrH : hrW;
		float[][] hr = new float[channels][outH * outW];
		float[] patchLowRes = new float[channels * p * p];
		for (int c = 0; c < channels; c++) {
			float[] plane = img.plane(c);
			for (int y = 0; y < outH; y++) {
				for (int x = 0; x < outW; x++) {
					int sy = transpose ? x : y;
					int sx = transpose ? y : x;
					if (flipY) sy = hrH - 1 - sy;
					if (flipX) sx = hrW - 1 - sx;
					hr[c][y * outW + x] = plane[(y0 + sy) * img.width() + x0 + sx];
				}
			}
			float[] lr = config.axial() ? degradation.applyAxial(hr[c], outH, outW, p, p, config.axialSigma(), source.eightBit())
				: degradation.apply(hr[c], outH, outW, p, p, source.eightBit(), noise, rng::nextGaussian);
			System.arraycopy(lr, 0, patchLowRes, c * p * p, p * p);
		}
		System.arraycopy(patchLowRes, 0, lowRes, s * channels * p * p, channels * p * p);
		AxisSampling rows = new AxisSampling(outH, p, ensemble);
		AxisSampling cols = new AxisSampling(outW, p, ensemble);
		AxisTaps baseRows = residual ? AxisTaps.bicubic(p, outH) : null;
		AxisTaps baseCols = residual ? AxisTaps.bicubic(p, outW) : null;
		int n = outH * outW;
		int[] order = new int[n];
		for (int i = 0; i < n; i++) order[i] = i;
		int samples = config.samples();
		for (int k = 0; k < samples; k++) {
			int j = k + rng.nextInt(n - k);
			int pixel = order[j];
			order[j] = order[k];
			order[k] = pixel;
			int q = s * samples + k;
			queries.put(q, rows, cols, pixel / outW, pixel % outW, (long) s * p * p, 0, 0, p);
			if (residual) {
				AxisTaps.sample(baseRows, baseCols, patchLowRes, channels, 0, 0, p, p, pixel / outW, pixel % outW, queries.base(),
					q * channels);
			}
			for (int c = 0; c < channels; c++) targets[q * channels + c] = LiifNetwork.toNetworkSpace(hr[c][pixel]);
		}
	}

	private double uniform(SplitMix rng) {
		return config.minScale() + (config.maxScale() - config.minScale()) * rng.nextDouble();
	}
}
