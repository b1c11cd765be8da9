package io.github.liif.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.network.LayerWidthCheck.Sweep;
import io.github.liif.runtime.Engines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code liif check}'s sweep: every width of every layer kind right as the networks run them, at
 * the processor's own instruction set (on this project's AMD EPYC VM the bare kernels get 367 of
 * those 840 widths wrong: docs/bench.txt); progress counts every width; a cancel stops it.
 */
class LayerWidthCheckTest {

	@Test
	void everyWidthIsRightAsTheNetworksRunThem() {
		List<Integer> counts = new ArrayList<>();
		List<Sweep> sweeps = new LayerWidthCheck(Engines.pytorch(), true).run((layer, done) -> counts.add(done), () -> false);
		assertEquals(5, sweeps.size());
		assertEquals(LayerWidthCheck.total(), sweeps.stream().mapToInt(Sweep::checked).sum());
		for (Sweep s : sweeps) assertTrue(s.wrong().isEmpty(), s.layer() + ": wrong at " + s.wrong());
		assertEquals(LayerWidthCheck.total(), counts.size());
		assertEquals(LayerWidthCheck.total(), counts.get(counts.size() - 1));
	}

	@Test
	void aCancelStopsTheSweepBetweenWidths() {
		int[] polls = { 0 };
		List<Sweep> sweeps = new LayerWidthCheck(Engines.pytorch(), true).run((layer, done) -> {}, () -> ++polls[0] > 5);
		assertEquals(1, sweeps.size());
		assertEquals(5, sweeps.get(0).checked());
	}
}
