package io.github.liif.inference;

import io.github.liif.image.AxisTaps;
import io.github.liif.image.PlanarImage;
import io.github.liif.model.GlobalResidual;
import io.github.liif.model.LiifSpec;
import io.github.liif.model.Padding;

/**
 * The last step of an upscale: a result pixel may add detail, but never dips below what the input
 * and bicubic interpolation put there, and stays flat where the input is flat. With {@code lo(p)}
 * the lower of bicubic's value at p and the lowest input pixel bicubic reads for p (its 4 x 4
 * footprint when enlarging), the result is at least {@code lo(p)}; where that footprint holds one
 * value the result is that value. So a spot never rings below its local background deeper than
 * bicubic does (the consistency step's bicubic correction and the models themselves did: a
 * 250-on-20 spot rang down to 0), and constant images and flat borders stay exactly constant.
 * Peaks are left alone: a spot smaller than a pixel really is brighter than its binned value.
 * Per pixel from the input alone, so tiles and regions stay exact.
 */
final class FidelityGuard {

	private final PlanarImage input;
	private final AxisTaps rows;
	private final AxisTaps cols;

	FidelityGuard(PlanarImage input, int outHeight, int outWidth) {
		this.input = input;
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
		int lrY0 = rows.firstInput(y0);
		int lrY1 = rows.endInput(y0 + h);
		int lrRows = lrY1 - lrY0;
		float[] bicubic = new float[channels];
		for (int c = 0; c < channels; c++) {
			// per LR row of the block's footprint and output column: the footprint's extremes along x
			float[] rowMin = new float[lrRows * w];
			float[] rowMax = new float[lrRows * w];
			float[] plane = input.plane(c);
			for (int r = 0; r < lrRows; r++) {
				int row = (lrY0 + r) * input.width();
				for (int x = 0; x < w; x++) {
					float lo = Float.POSITIVE_INFINITY;
					float hi = Float.NEGATIVE_INFINITY;
					for (int k = cols.firstInput(x0 + x); k < cols.endInput(x0 + x + 1); k++) {
						lo = Math.min(lo, plane[row + k]);
						hi = Math.max(hi, plane[row + k]);
					}
					rowMin[r * w + x] = lo;
					rowMax[r * w + x] = hi;
				}
			}
			for (int y = 0; y < h; y++) {
				int first = rows.firstInput(y0 + y) - lrY0;
				int end = rows.endInput(y0 + y + 1) - lrY0;
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
}
