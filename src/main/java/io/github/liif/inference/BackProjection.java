package io.github.liif.inference;

import io.github.liif.geometry.AxisSampling;
import io.github.liif.image.AxisTaps;
import io.github.liif.image.Degradation;
import io.github.liif.image.PlanarImage;
import java.util.List;

/**
 * The {@link Consistency} step of one upscale, block by block: a block of the result after n
 * steps needs the residual y - D(x) at the LR pixels U reads for it, which needs x after n - 1
 * steps on the HR pixels D reads for those, and so on down to the network's output on a block
 * widened by a few LR pixels per step. Every value depends only on its own taps, so any split of
 * the output into blocks, regions or tiles gives the whole-image result (up to float rounding of
 * the network's tiles), and memory stays bounded by the block.
 */
final class BackProjection {

	/** A rectangle of the HR or LR grid: rows [y0, y1), columns [x0, x1). */
	private record Box(int y0, int y1, int x0, int x1) {

		int height() {
			return y1 - y0;
		}

		int width() {
			return x1 - x0;
		}
	}

	private final Upscaler.NetworkPass networkPass;
	private final PlanarImage input;
	private final int outHeight;
	private final int outWidth;
	private final int steps;
	private final AxisTaps upRows;
	private final AxisTaps upCols;
	private final AxisTaps downRows;
	private final AxisTaps downCols;

	BackProjection(Upscaler.NetworkPass networkPass, PlanarImage input, int outHeight, int outWidth, Consistency consistency) {
		if (consistency.degradation() == null) throw new IllegalStateException("consistency degradation not resolved");
		this.networkPass = networkPass;
		this.input = input;
		this.outHeight = outHeight;
		this.outWidth = outWidth;
		this.steps = consistency.steps();
		int lrH = input.height();
		int lrW = input.width();
		this.upRows = AxisTaps.bicubic(lrH, outHeight);
		this.upCols = AxisTaps.bicubic(lrW, outWidth);
		double sigma = Degradation.psfSigma(outHeight, outWidth, lrH, lrW);
		this.downRows = consistency.rowReduction(outHeight, lrH, sigma);
		this.downCols = consistency.columnReduction(outWidth, lrW, sigma);
	}

	/** The consistent result on {@code region}, handed to {@code sink} in blocks of about one LR tile each. */
	void run(OutputRegion region, int tile, TileSink sink, Monitor monitor) {
		List<TilePlan.Span> rowBlocks = TilePlan.spans(new AxisSampling(outHeight, input.height(), false), tile, 0, region.y0(),
			region.y0() + region.height());
		List<TilePlan.Span> colBlocks = TilePlan.spans(new AxisSampling(outWidth, input.width(), false), tile, 0, region.x0(),
			region.x0() + region.width());
		long total = region.pixels();
		long done = 0;
		// each value is reported once: a monitor may count the arrival at the total (a stack's passes do: app.StackUpscale)
		long[] reported = { 0 };
		monitor.progress(0, total);
		for (TilePlan.Span ry : rowBlocks) {
			for (TilePlan.Span rx : colBlocks) {
				Box block = new Box(ry.outStart(), ry.outEnd(), rx.outStart(), rx.outEnd());
				long before = done;
				long pixels = (long) block.height() * block.width();
				// the network's part of a block reports as the block's share of the whole
				Monitor inner = new Monitor() {

					@Override
					public void progress(long d, long t) {
						long now = before + (t == 0 ? 0 : pixels * d / t);
						if (now > reported[0]) monitor.progress(reported[0] = now, total);
					}

					@Override
					public boolean isCancelled() { return monitor.isCancelled(); }
				};
				float[][] planes = corrected(block, steps, inner);
				sink.accept(block.y0(), block.x0(), block.height(), block.width(), interleaved(planes));
				done += pixels;
				if (done > reported[0]) monitor.progress(reported[0] = done, total);
			}
		}
	}

	/** Channel planes of {@code box} of the result after n steps. */
	private float[][] corrected(Box box, int n, Monitor monitor) {
		if (n == 0) return network(box, monitor);
		Box lr = new Box(upRows.firstInput(box.y0()), upRows.endInput(box.y1()), upCols.firstInput(box.x0()), upCols.endInput(box
			.x1()));
		Box hr = new Box(Math.min(box.y0(), downRows.firstInput(lr.y0())), Math.max(box.y1(), downRows.endInput(lr.y1())), Math
			.min(box.x0(), downCols.firstInput(lr.x0())), Math.max(box.x1(), downCols.endInput(lr.x1())));
		float[][] x = corrected(hr, n - 1, monitor);
		float[][] out = new float[x.length][];
		for (int c = 0; c < x.length; c++) {
			float[] reduced = AxisTaps.resample(downRows, downCols, x[c], hr.y0(), hr.x0(), hr.height(), hr.width(), lr.y0(), lr
				.x0(), lr.height(), lr.width());
			float[] y = input.plane(c);
			for (int i = 0; i < reduced.length; i++) {
				reduced[i] = y[(lr.y0() + i / lr.width()) * input.width() + lr.x0() + i % lr.width()] - reduced[i];
			}
			float[] correction = AxisTaps.resample(upRows, upCols, reduced, lr.y0(), lr.x0(), lr.height(), lr.width(), box.y0(),
				box.x0(), box.height(), box.width());
			for (int i = 0; i < correction.length; i++) {
				int yy = box.y0() - hr.y0() + i / box.width();
				int xx = box.x0() - hr.x0() + i % box.width();
				correction[i] += x[c][yy * hr.width() + xx];
			}
			out[c] = correction;
		}
		return out;
	}

	/** The network's output on {@code box}, computed as one tile (its LR crop: the box's latents plus the halo). */
	private float[][] network(Box box, Monitor monitor) {
		int channels = input.channels();
		float[][] planes = new float[channels][box.height() * box.width()];
		networkPass.run(new OutputRegion(box.y0(), box.x0(), box.height(), box.width()), Math.max(UpscaleOptions.MIN_TILE, Math
			.max(input.height(), input.width())), (y0, x0, h, w, values) -> {
				for (int y = 0; y < h; y++) {
					for (int x = 0; x < w; x++) {
						int dst = (y0 - box.y0() + y) * box.width() + x0 - box.x0() + x;
						for (int c = 0; c < channels; c++) planes[c][dst] = values[(y * w + x) * channels + c];
					}
				}
			}, monitor);
		return planes;
	}

	private static float[] interleaved(float[][] planes) {
		int c = planes.length;
		int n = planes[0].length;
		float[] out = new float[n * c];
		for (int i = 0; i < n; i++) for (int k = 0; k < c; k++) out[i * c + k] = planes[k][i];
		return out;
	}
}
