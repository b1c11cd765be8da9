package io.github.liif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress line on a fake clock: "estimating..." during the warm-up, then the measured time left. */
class ConsoleProgressTest {

	@Test
	void showsEstimatingUntilTheThroughputIsMeasuredThenTheTimeLeft() {
		StringWriter text = new StringWriter();
		long[] now = { 0 };
		try (StopSignal stop = new StopSignal()) {
			ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), "big.tif (1/1)", stop, () -> now[0]);
			// a first batch of 40 s, then 1 s for each of the 99 others
			now[0] += 40_000_000_000L;
			progress.progress(1, 100);
			for (int done = 2; done <= 100; done++) {
				now[0] += 1_000_000_000L;
				progress.progress(done, 100);
			}
		}
		List<String> lines = Arrays.stream(text.toString().split("\r")).map(String::strip).filter(l -> !l.isEmpty()).toList();
		assertEquals("big.tif (1/1):   1.0% (40.0 s, estimating...)", lines.get(0));
		assertEquals("big.tif (1/1):   3.0% (42.0 s, estimating...)", lines.get(2));
		// an estimate from the start would say 1032 s left here
		assertEquals("big.tif (1/1):   4.0% (43.0 s, 96 s left)", lines.get(3));
		assertEquals("big.tif (1/1):  50.0% (89.0 s, 50 s left)", lines.get(49));
		assertEquals("big.tif (1/1): 100.0% (139.0 s)", lines.get(99));
	}
}
