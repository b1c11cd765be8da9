package io.github.liif.inference;

import io.github.liif.geometry.AxisSampling;
import io.github.liif.image.PlanarImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The network's output as the mean of its predictions on the flips and rotations of the input,
 * each mapped back (a self-ensemble), and their spread: per output pixel and channel the
 * standard deviation of the predictions, where the model's guesses disagree. Block by block over
 * the output, each block a region of every transformed upscale, so memory stays bounded by the
 * block plus one transformed copy of the input per transform, and any split of the output into
 * blocks, regions or tiles gives the same values.
 */
final class SelfEnsemble {

	private final Upscaler upscaler;
	private final int outHeight;
	private final int outWidth;
	private final List<Dihedral> transforms;
	private final List<PlanarImage> inputs = new ArrayList<>();

	SelfEnsemble(Upscaler upscaler, PlanarImage input, int outHeight, int outWidth, List<Dihedral> transforms) {
		this.upscaler = upscaler;
		this.outHeight = outHeight;
		this.outWidth = outWidth;
		this.transforms = transforms;
		for (Dihedral t : transforms) inputs.add(t.apply(input));
	}

	/**
	 * Hands the mean of {@code region} to {@code mean} and the spread to {@code spread} (either may
	 * be null), in blocks of about one input tile each.
	 */
	void run(OutputRegion region, int tile, TileSink mean, TileSink spread, Monitor monitor) {
		PlanarImage input = inputs.get(0);
		List<TilePlan.Span> rowBlocks = TilePlan.spans(new AxisSampling(outHeight, input.height(), false), tile, 0, region.y0(),
			region.y0() + region.height());
		List<TilePlan.Span> colBlocks = TilePlan.spans(new AxisSampling(outWidth, input.width(), false), tile, 0, region.x0(),
			region.x0() + region.width());
		long total = region.pixels() * transforms.size();
		long[] done = { 0 };
		monitor.progress(0, total);
		for (TilePlan.Span ry : rowBlocks) {
			for (TilePlan.Span rx : colBlocks) {
				OutputRegion block = new OutputRegion(ry.outStart(), rx.outStart(), ry.outLength(), rx.outLength());
				predictions(block, tile, mean, spread, monitor, done, total);
			}
		}
	}

	private void predictions(OutputRegion block, int tile, TileSink mean, TileSink spread, Monitor monitor, long[] done,
		long total)
	{
		int channels = inputs.get(0).channels();
		int h = block.height();
		int w = block.width();
		double[] sum = new double[h * w * channels];
		double[] squares = new double[sum.length];
		for (int k = 0; k < transforms.size(); k++) {
			Dihedral t = transforms.get(k);
			long before = done[0];
			long pixels = block.pixels();
			Monitor pass = new Monitor() {

				@Override
				public void progress(long d, long all) {
					monitor.progress(before + (all == 0 ? 0 : pixels * d / all), total);
				}

				@Override
				public boolean isCancelled() { return monitor.isCancelled(); }
			};
			upscaler.networkOutput(inputs.get(k), t.height(outHeight, outWidth), t.width(outHeight, outWidth), t.region(block,
				outHeight, outWidth), tile, (y0, x0, bh, bw, values) -> {
					for (int y = 0; y < bh; y++) {
						for (int x = 0; x < bw; x++) {
							int row = t.row(y0 + y, x0 + x, outHeight) - block.y0();
							int column = t.column(y0 + y, x0 + x, outWidth) - block.x0();
							for (int c = 0; c < channels; c++) {
								double v = values[(y * bw + x) * channels + c];
								int i = (row * w + column) * channels + c;
								sum[i] += v;
								squares[i] += v * v;
							}
						}
					}
				}, pass);
			done[0] = before + pixels;
		}
		int n = transforms.size();
		if (mean != null) {
			float[] out = new float[sum.length];
			for (int i = 0; i < out.length; i++) out[i] = (float) (sum[i] / n);
			mean.accept(block.y0(), block.x0(), h, w, out);
		}
		if (spread != null) {
			float[] out = new float[sum.length];
			for (int i = 0; i < out.length; i++) {
				double m = sum[i] / n;
				out[i] = (float) Math.sqrt(Math.max(0, squares[i] / n - m * m));
			}
			spread.accept(block.y0(), block.x0(), h, w, out);
		}
		monitor.progress(done[0], total);
	}
}
