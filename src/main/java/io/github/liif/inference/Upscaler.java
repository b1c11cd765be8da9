package io.github.liif.inference;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.liif.geometry.AxisSampling;
import io.github.liif.geometry.QueryBatch;
import io.github.liif.image.AxisTaps;
import io.github.liif.image.PlanarImage;
import io.github.liif.model.LiifSpec;
import io.github.liif.network.LiifNetwork;
import io.github.liif.network.StageTimes;
import io.github.liif.network.StageTimes.Stage;
import io.github.liif.runtime.Engines;
import java.util.List;
import java.util.Locale;

/**
 * Upscales images with a LIIF network to any output size, tile by tile over the LR grid, so
 * memory is bounded by the tile size and the result equals the untiled one. Thread-safe: each
 * call works in its own native memory scope.
 */
public final class Upscaler {

	private final LiifNetwork network;
	private final UpscaleOptions options;
	private final StageTimes times;
	/** Whether the rows are a different axis (along Z): the self-ensemble then only flips. */
	private final boolean rowsAreAnAxisOfTheirOwn;

	public Upscaler(LiifNetwork network, UpscaleOptions options) {
		this(network, options, StageTimes.NONE);
	}

	/** An upscaler that charges the network's stages to {@code times} (one thread at a time). */
	public Upscaler(LiifNetwork network, UpscaleOptions options, StageTimes times) {
		this(network, options, times, false);
	}

	private Upscaler(LiifNetwork network, UpscaleOptions options, StageTimes times, boolean rowsAreAnAxisOfTheirOwn) {
		this.network = network;
		this.options = options;
		this.times = times;
		this.rowsAreAnAxisOfTheirOwn = rowsAreAnAxisOfTheirOwn;
	}

	/** This upscaler for planes whose rows are another axis than their columns (XZ, YZ): never transposed. */
	Upscaler alongRows() {
		return new Upscaler(network, options, times, true);
	}

	public LiifNetwork network() {
		return network;
	}

	public UpscaleOptions options() {
		return options;
	}

	/** Upscales into a new in-memory image of outHeight x outWidth. */
	public PlanarImage upscale(PlanarImage input, int outHeight, int outWidth, Monitor monitor) {
		PlanarImage out = PlanarImage.zeros(input.channels(), outHeight, outWidth);
		upscale(input, outHeight, outWidth, (y0, x0, h, w, values) -> {
			int c = out.channels();
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					int src = (y * w + x) * c;
					int dst = (y0 + y) * outWidth + x0 + x;
					for (int k = 0; k < c; k++) out.plane(k)[dst] = values[src + k];
				}
			}
		}, monitor);
		return out;
	}

	/**
	 * Upscales {@code input} (values in [0, 1], channels = the model's) to outHeight x outWidth,
	 * handing the result to {@code sink} block by block. Out of memory (Java or native) restarts
	 * with tiles of half the size, down to {@link UpscaleOptions#MIN_TILE}; blocks already handed
	 * over are handed over again with the same values.
	 *
	 * @throws CancelledException when the monitor asks to stop
	 * @throws OutOfMemoryError with the sizes tried, when even the smallest tile does not fit
	 */
	public void upscale(PlanarImage input, int outHeight, int outWidth, TileSink sink, Monitor monitor) {
		upscale(input, outHeight, outWidth, OutputRegion.whole(outHeight, outWidth), sink, monitor);
	}

	/**
	 * Upscales only the pixels of {@code region} of the outHeight x outWidth result (for output
	 * split across machines); their values equal those of the whole upscale.
	 */
	public void upscale(PlanarImage input, int outHeight, int outWidth, OutputRegion region, TileSink sink, Monitor monitor) {
		region.checkInside(outHeight, outWidth);
		Consistency consistency = options.consistency();
		TileSink result = FidelityGuard.applies(network.spec(), consistency) ? new FidelityGuard(input, outHeight, outWidth)
			.guarding(sink) : sink;
		checkChannels(input);
		NetworkPass pass = networkPass(input, outHeight, outWidth);
		if (consistency.isOff()) pass.run(region, options.tile(), result, monitor);
		else new BackProjection(pass, input, outHeight, outWidth, consistency).run(region, options.tile(), result, monitor);
	}

	/**
	 * Per output pixel and channel, the spread (standard deviation, in [0, 1] space) of the
	 * network's predictions on the flips and rotations of the input (see
	 * {@link UpscaleOptions#ensemble()}), before any consistency step: where the model invents,
	 * its guesses disagree. Values equal those of the whole upscale for any region.
	 */
	public void uncertainty(PlanarImage input, int outHeight, int outWidth, OutputRegion region, TileSink sink, Monitor monitor) {
		region.checkInside(outHeight, outWidth);
		checkChannels(input);
		new SelfEnsemble(this, input, outHeight, outWidth, transforms()).run(region, options.tile(), null, sink, monitor);
	}

	/**
	 * The transforms of the self-ensemble: all 8, or the 4 flips along Z and for a model trained
	 * along rows (its blur is along them).
	 */
	private List<Dihedral> transforms() {
		return rowsAreAnAxisOfTheirOwn || options.consistency().rowBlur() > 0 ? Dihedral.FLIPS : Dihedral.ALL;
	}

	/** The network's part of one upscale: its output on any region of the result, starting with {@code firstTile}-pixel tiles. */
	@FunctionalInterface
	interface NetworkPass {
		void run(OutputRegion region, int firstTile, TileSink sink, Monitor monitor);
	}

	/**
	 * The network's output for one upscale (the self-ensemble's mean when asked for), made once per
	 * upscale: the ensemble's transformed inputs are then copied once, however many blocks the
	 * consistency step asks it for.
	 */
	private NetworkPass networkPass(PlanarImage input, int outHeight, int outWidth) {
		if (options.ensemble() == 1) {
			return (region, firstTile, sink, monitor) -> networkOutput(input, outHeight, outWidth, region, firstTile, sink,
				monitor);
		}
		SelfEnsemble ensemble = new SelfEnsemble(this, input, outHeight, outWidth, transforms());
		return (region, firstTile, sink, monitor) -> ensemble.run(region, firstTile, sink, null, monitor);
	}

	/** The network's output alone on {@code region}, starting with {@code tile}-pixel tiles. */
	void networkOutput(PlanarImage input, int outHeight, int outWidth, OutputRegion region, int firstTile, TileSink sink,
		Monitor monitor)
	{
		int tile = firstTile;
		while (true) {
			try {
				upscaleWithTile(input, outHeight, outWidth, region, sink, monitor, tile);
				return;
			}
			catch (OutOfMemoryError | EngineException e) {
				if (e instanceof EngineException && !isOutOfMemory(e)) throw (EngineException) e;
				if (tile / 2 < UpscaleOptions.MIN_TILE) {
					throw new OutOfMemoryError("not enough memory to upscale " + input.width() + " x " + input.height() + " to "
						+ outWidth + " x " + outHeight + " even with " + tile + "-pixel tiles; free memory (close images, raise "
						+ "the memory limit) or choose a smaller size");
				}
				tile /= 2;
			}
		}
	}

	private void checkChannels(PlanarImage input) {
		if (input.channels() != network.spec().inChannels()) {
			throw new IllegalArgumentException("the model expects " + network.spec().inChannels()
				+ " channel(s) but the image has " + input.channels());
		}
	}

	/**
	 * Whether an engine error is libtorch running out of memory: its CPU allocator says "not enough
	 * memory: you tried to allocate", CUDA's "CUDA out of memory", the C++ runtime "std::bad_alloc".
	 */
	static boolean isOutOfMemory(Throwable e) {
		String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
		return m.contains("not enough memory") || m.contains("out of memory") || m.contains("bad_alloc") || m.contains(
			"you tried to allocate");
	}

	private void upscaleWithTile(PlanarImage input, int outHeight, int outWidth, OutputRegion region, TileSink sink,
		Monitor monitor, int tile)
	{
		LiifSpec spec = network.spec();
		checkChannels(input);
		Engines.prepareInferenceThread();
		AxisSampling rows = new AxisSampling(outHeight, input.height(), spec.localEnsemble());
		AxisSampling cols = new AxisSampling(outWidth, input.width(), spec.localEnsemble());
		List<TilePlan.Span> rowSpans = TilePlan.spans(rows, tile, spec.tileHalo(), region.y0(), region.y0() + region.height());
		List<TilePlan.Span> colSpans = TilePlan.spans(cols, tile, spec.tileHalo(), region.x0(), region.x0() + region.width());
		ResidualBase base = spec.residualChannels() == 0 ? null : new ResidualBase(AxisTaps.bicubic(input.height(), outHeight),
			AxisTaps.bicubic(input.width(), outWidth));
		if (base != null) {
			// the base's taps usually lie inside the halo; a crop that holds them all keeps tiles exact anyway
			rowSpans = rowSpans.stream().map(sp -> sp.covering(base.rows.firstInput(sp.outStart()), base.rows.endInput(sp
				.outEnd()))).toList();
			colSpans = colSpans.stream().map(sp -> sp.covering(base.cols.firstInput(sp.outStart()), base.cols.endInput(sp
				.outEnd()))).toList();
		}
		long total = region.pixels();
		long[] done = { 0 };
		monitor.progress(0, total);
		times.start();
		try (NDManager scope = NDManager.newBaseManager(network.device())) {
			for (TilePlan.Span ry : rowSpans) {
				for (TilePlan.Span rx : colSpans) {
					checkCancelled(monitor);
					upscaleTile(scope, input, rows, cols, base, ry, rx, sink, monitor, done, total);
				}
			}
		}
	}

	private void upscaleTile(NDManager scope, PlanarImage input, AxisSampling rows, AxisSampling cols, ResidualBase base,
		TilePlan.Span ry, TilePlan.Span rx, TileSink sink, Monitor monitor, long[] done, long total)
	{
		LiifNetwork net = network;
		int channels = input.channels();
		int cropH = ry.cropLength();
		int cropW = rx.cropLength();
		try (NDManager tile = scope.newSubManager()) {
			float[] crop = input.copyWindow(ry.cropStart(), rx.cropStart(), cropH, cropW);
			NDArray table;
			try (NDManager encoding = tile.newSubManager()) {
				// only the latent table outlives the encoder's activations
				NDArray image = encoding.create(crop, new Shape(1, channels, cropH, cropW));
				NDArray features = net.encode(image);
				times.lap(Stage.ENCODER);
				table = net.latentTable(features, options.mode());
				table.attach(tile);
			}
			times.lap(Stage.LATENT_TABLE);
			// a batch is whole rows of the tile, or a run of one row where the tile is wider than a batch
			int tileWidth = rx.outLength();
			int batchPixels = options.batchPixels(net.spec());
			int width = Math.min(tileWidth, batchPixels);
			int rowsPerBatch = Math.max(1, batchPixels / tileWidth);
			for (int y = ry.outStart(); y < ry.outEnd(); y += rowsPerBatch) {
				int h = Math.min(rowsPerBatch, ry.outEnd() - y);
				for (int x = rx.outStart(); x < rx.outEnd(); x += width) {
					checkCancelled(monitor);
					int w = Math.min(width, rx.outEnd() - x);
					try (NDManager step = tile.newSubManager()) {
						QueryBatch batch = new QueryBatch(h * w, net.spec().localEnsemble(), net.spec().cellDecode(), net.spec()
							.residualChannels());
						for (int q = 0; q < h * w; q++) {
							int qy = y + q / w;
							int qx = x + q % w;
							batch.put(q, rows, cols, qy, qx, 0, ry.cropStart(), rx.cropStart(), cropW);
							if (base != null) {
								AxisTaps.sample(base.rows, base.cols, crop, channels, ry.cropStart(), rx.cropStart(), cropH,
									cropW, qy, qx, batch.base(), q * channels);
							}
						}
						times.lap(Stage.GEOMETRY);
						NDArray values = decodeBatch(step, table, batch);
						sink.accept(y, x, h, w, values.toFloatArray());
					}
					times.lap(Stage.OUTPUT);
					done[0] += (long) h * w;
					monitor.progress(done[0], total);
				}
			}
		}
	}

	/** The taps of the global residual's bicubic base along both axes of the whole upscale. */
	private record ResidualBase(AxisTaps rows, AxisTaps cols) {}

	/** Decodes one batch into (Q, C) values in [0, 1] space. */
	private NDArray decodeBatch(NDManager step, NDArray table, QueryBatch batch) {
		return LiifNetwork.toImageSpace(network.decodeBlended(table, options.mode(), batch, step, times));
	}

	private static void checkCancelled(Monitor monitor) {
		if (monitor.isCancelled()) throw new CancelledException();
	}
}
