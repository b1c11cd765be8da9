package io.github.liif.inference;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Regroups an upscale's blocks into whole rows handed over top to bottom, so that a file can be
 * written progressively while only the rows of the current band of tiles are in memory. Blocks
 * handed over again (an out-of-memory retry with smaller tiles) are ignored for rows already
 * passed on and simply overwrite the same values otherwise.
 */
public final class RowAssembler implements TileSink {

	/** Receives one complete row. */
	@FunctionalInterface
	public interface RowSink {

		/**
		 * @param y output row
		 * @param values (width, C) pixel-interleaved, in [0, 1] space
		 */
		void accept(int y, float[] values);
	}

	/** A row not yet handed over: its values and which of its columns have arrived. */
	private record PendingRow(float[] values, BitSet filled) {}

	private final OutputRegion region;
	private final int channels;
	private final RowSink sink;
	private final Map<Integer, PendingRow> pending = new HashMap<>();
	private int next;

	public RowAssembler(OutputRegion region, int channels, RowSink sink) {
		this.region = region;
		this.channels = channels;
		this.sink = sink;
		this.next = region.y0();
	}

	@Override
	public synchronized void accept(int y0, int x0, int h, int w, float[] values) {
		int rowLength = region.width() * channels;
		for (int dy = 0; dy < h; dy++) {
			int y = y0 + dy;
			if (y < next) continue;
			PendingRow row = pending.computeIfAbsent(y, k -> new PendingRow(new float[rowLength], new BitSet(region.width())));
			System.arraycopy(values, dy * w * channels, row.values(), (x0 - region.x0()) * channels, w * channels);
			row.filled().set(x0 - region.x0(), x0 - region.x0() + w);
		}
		while (pending.containsKey(next) && pending.get(next).filled().cardinality() == region.width()) {
			sink.accept(next, pending.remove(next).values());
			next++;
		}
	}

	/** Whether every row of the region has been handed over. */
	public synchronized boolean isComplete() {
		return next == region.y0() + region.height();
	}
}
