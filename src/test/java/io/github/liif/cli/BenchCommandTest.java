package io.github.liif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.model.EdsrSpec;
import io.github.liif.model.LiifSpec;
import io.github.liif.network.DecoderMode;
import io.github.liif.network.StageTimes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code liif bench}: the operation counts its GFLOP/s rest on, and the report it prints (no timings asserted). */
class BenchCommandTest {

	private static final LiifSpec PAPER = LiifSpec.builder(EdsrSpec.baseline(3)).build();

	@Test
	void multiplyAddsOfThePaperModelAreCountedByHand() {
		// EDSR-baseline: 3 -> 64 head, 16 blocks of two 64 -> 64 convolutions, one body tail; all 3 x 3
		assertEquals(9 * (3 * 64 + 33 * 64 * 64), BenchCommand.encoderMacs(PAPER));
		// four ensemble queries through 256 -> 256 three times and 256 -> 3
		assertEquals(4 * (3 * 256 * 256 + 256 * 3), BenchCommand.hiddenMacs(PAPER));
		// first layer: 576 unfolded features + 2 coordinates + 2 cell sizes; SPLIT leaves the 4 geometry inputs per query
		assertEquals(4 * 580 * 256 + 4 * (3 * 256 * 256 + 256 * 3), BenchCommand.decoderMacs(PAPER, DecoderMode.REFERENCE));
		assertEquals(4 * 4 * 256 + 4 * (3 * 256 * 256 + 256 * 3), BenchCommand.decoderMacs(PAPER, DecoderMode.SPLIT));
		assertEquals(576 * 256, BenchCommand.tableMacs(PAPER));
	}

	@Test
	void reportsBothDecoderModesAndEveryStage() {
		StringWriter text = new StringWriter();
		int exit = new CommandLine(new BenchCommand()).setOut(new PrintWriter(text, true)).execute("--size", "12", "--scales",
			"2,3", "--batch", "100", "--threads", "1");
		String out = text.toString();
		assertEquals(0, exit, out);
		for (String scale : new String[]{ "x2", "x3" }) {
			assertTrue(out.lines().anyMatch(l -> l.startsWith(scale) && l.contains("REFERENCE")), out);
			assertTrue(out.lines().anyMatch(l -> l.startsWith(scale) && l.contains("SPLIT") && l.trim().endsWith("x")), out);
			assertTrue(out.contains("where the time went at " + scale), out);
		}
		for (StageTimes.Stage stage : StageTimes.Stage.values()) {
			String row = "\\s+" + Pattern.quote(stage.label()) + "\\s+[0-9.]+ s .*";
			assertEquals(2, out.lines().filter(l -> l.matches(row)).count(), stage.label() + "\n" + out);
		}
		assertTrue(out.contains("plain float32 matrix multiply") && out.contains("peak memory (VmHWM)"), out);
	}
}
