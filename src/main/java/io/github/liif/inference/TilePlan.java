package io.github.liif.inference;

import io.github.liif.geometry.AxisSampling;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one axis of an upscale into tiles: each output pixel goes to the LR tile that holds
 * its centre; each tile reads the LR range its queries' latents need, widened by the halo and
 * clipped to the image, so that its features equal those of the whole image.
 */
public final class TilePlan {

	/** One tile along an axis: output range [outStart, outEnd), LR crop [cropStart, cropEnd). */
	public record Span(int outStart, int outEnd, int cropStart, int cropEnd) {

		public int outLength() {
			return outEnd - outStart;
		}

		public int cropLength() {
			return cropEnd - cropStart;
		}

		/** This span with its crop widened to hold LR range [first, end) too. */
		public Span covering(int first, int end) {
			return new Span(outStart, outEnd, Math.min(cropStart, first), Math.max(cropEnd, end));
		}
	}

	private TilePlan() {}

	public static List<Span> spans(AxisSampling axis, int tile, int halo) {
		return spans(axis, tile, halo, 0, axis.outSize());
	}

	/** The tiles of the output range [from, to) only: the whole-axis tiles, clipped to it. */
	public static List<Span> spans(AxisSampling axis, int tile, int halo, int from, int to) {
		int n = axis.outSize();
		int lr = axis.latentSize();
		List<Span> spans = new ArrayList<>();
		int start = from;
		int current = tileOf(from, n, lr, tile);
		for (int i = from + 1; i <= to; i++) {
			int t = i < to ? tileOf(i, n, lr, tile) : -1;
			if (t != current) {
				int lo = axis.minLatent(start, i);
				int hi = axis.maxLatent(start, i);
				spans.add(new Span(start, i, Math.max(0, lo - halo), Math.min(lr, hi + 1 + halo)));
				start = i;
				current = t;
			}
		}
		return spans;
	}

	private static int tileOf(int i, int outSize, int latentSize, int tile) {
		double centre = (i + 0.5) * latentSize / outSize;
		int t = (int) (centre / tile);
		return Math.min(t, (latentSize - 1) / tile);
	}
}
