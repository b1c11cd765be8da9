package io.github.liif.inference;

import io.github.liif.image.AxisTaps;
import io.github.liif.image.PlanarImage;
import io.github.liif.model.GlobalResidual;
import io.github.liif.model.LiifSpec;
import io.github.liif.model.Padding;

/**
 * The last step of an upscale: a result pixel may add detail, but never dips below what the input
 * and bicubic interpolation put there, and stays flat where the input is flat. With {@code lo(p)}
 * the lower of bicubic's value at p and the lowest input pixel of p's neighbourhood (the 5 x 5
 * input pixels around its nearest one), the result is at least {@code lo(p)}; where that
 * neighbourhood holds one value the result is that value. So a spot never rings below its local
 * background deeper than bicubic does (the consistency step's bicubic correction and the models
 * themselves did: a 250-on-20 spot rang down to 0), and constant images and flat borders stay
 * exactly constant. Peaks are left alone: a spot smaller than a pixel really is brighter than its
 * binned value. Per pixel from the input alone, so tiles and regions stay exact.
 */
final class FidelityGuard {

	/** Input pixels on each side of a result pixel's nearest one that make its neighbourhood (5 x 5). */
	private static final int REACH = 2;

	private final PlanarImage input;
	private final int outHeight;
	private final int outWidth;
	private final AxisTaps rows;
	private final AxisTaps cols;

	FidelityGuard(PlanarImage input, int outHeight, int outWidth) {
		this.input = input;
		this.outHeight = outHeight;
		this.outWidth = outWidth;
		this.rows = AxisTaps.bicubic(input.height(), outHeight);
		this.cols = AxisTaps.bicubic(input.width(), outWidth);
	}

	/**
	 * Whether a run gets the guard: every run but a model of the reference's form (no global
	 * residual, zero padding) without the consistency step, which must stay exactly the
	 * reference's LIIF.
	 */
	static boolean applies(LiifSpec spec, Consistency consistency) {
		boolean referenceForm = spec.globalResidual() == GlobalResidual.NONE && spec.padding() == Padding.ZEROS;
		return !(referenceForm && consistency.isOff());
	}

	/** {@code sink} receiving guarded blocks. */
	TileSink guarding(TileSink sink) {
		return (y0, x0, h, w, values) -> {
			guard(y0, x0, h, w, values);
			sink.accept(y0, x0, h, w, values);
		};
	}

	/** Guards a block in place (see {@link TileSink#accept} for its layout). */
	void guard(int y0, int x0, int h, int w, float[] values) {
		int channels = input.channels();
		int lrY0 = firstNeighbour(y0, input.height(), outHeight);
		int lrY1 = endNeighbour(y0 + h - 1, input.height(), outHeight);
		int lrRows = lrY1 - lrY0;
		float[] bicubic = new float[channels];
		for (int c = 0; c < channels; c++) {
			// per input row of the block's neighbourhoods and output column: the neighbourhood's extremes along x
			float[] rowMin = new float[lrRows * w];
			float[] rowMax = new float[lrRows * w];
			float[] plane = input.plane(c);
			for (int r = 0; r < lrRows; r++) {
				int row = (lrY0 + r) * input.width();
				for (int x = 0; x < w; x++) {
					float lo = Float.POSITIVE_INFINITY;
					float hi = Float.NEGATIVE_INFINITY;
					int end = endNeighbour(x0 + x, input.width(), outWidth);
					for (int k = firstNeighbour(x0 + x, input.width(), outWidth); k < end; k++) {
						lo = Math.min(lo, plane[row + k]);
						hi = Math.max(hi, plane[row + k]);
					}
					rowMin[r * w + x] = lo;
					rowMax[r * w + x] = hi;
				}
			}
			for (int y = 0; y < h; y++) {
				int first = firstNeighbour(y0 + y, input.height(), outHeight) - lrY0;
				int end = endNeighbour(y0 + y, input.height(), outHeight) - lrY0;
				for (int x = 0; x < w; x++) {
					float lo = Float.POSITIVE_INFINITY;
					float hi = Float.NEGATIVE_INFINITY;
					for (int r = first; r < end; r++) {
						lo = Math.min(lo, rowMin[r * w + x]);
						hi = Math.max(hi, rowMax[r * w + x]);
					}
					int i = (y * w + x) * channels + c;
					if (lo == hi) {
						values[i] = lo;
						continue;
					}
					AxisTaps.sample(rows, cols, plane, 1, 0, 0, input.height(), input.width(), y0 + y, x0 + x, bicubic, c);
					values[i] = Math.max(values[i], Math.min(lo, bicubic[c]));
				}
			}
		}
	}

	/** The input pixel nearest to output pixel {@code o} along an axis of {@code in} -> {@code out} pixels. */
	private static int nearest(int o, int in, int out) {
		return Math.min(in - 1, (int) ((o + 0.5) * in / out));
	}

	/** First input pixel of output pixel o's neighbourhood: its nearest input pixel and {@link #REACH} on each side. */
	private static int firstNeighbour(int o, int in, int out) {
		return Math.max(0, nearest(o, in, out) - REACH);
	}

	private static int endNeighbour(int o, int in, int out) {
		return Math.min(in, nearest(o, in, out) + REACH + 1);
	}
}
