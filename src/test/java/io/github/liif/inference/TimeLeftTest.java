package io.github.liif.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The time left from the throughput after a warm-up, on a fake clock. */
class TimeLeftTest {

	@Test
	void aSlowStartDoesNotInflateTheEstimateAndNothingIsGuessedBeforeItIsMeasured() {
		long[] now = { 0 };
		TimeLeft timeLeft = new TimeLeft(() -> now[0]);
		// 1000 batches: the first takes 30 s (engine start, JIT), every other one 1 s, so 999 s in all after it
		now[0] += 30_000_000_000L;
		assertTrue(Double.isNaN(timeLeft.secondsLeft(1, 1000)), "the first report: nothing measured yet");
		for (int done = 2; done <= 3; done++) {
			now[0] += 1_000_000_000L;
			double left = timeLeft.secondsLeft(done, 1000);
			assertTrue(Double.isNaN(left), done + ": still estimating, not " + left);
		}
		for (int done = 4; done <= 1000; done++) {
			now[0] += 1_000_000_000L;
			assertEquals(1000 - done, timeLeft.secondsLeft(done, 1000), 1e-6, "after batch " + done);
		}
	}

	@Test
	void aRunThatSpeedsUpOrSlowsDownIsEstimatedFromWhatWasMeasured() {
		long[] now = { 0 };
		TimeLeft timeLeft = new TimeLeft(() -> now[0]);
		for (int done = 0; done < 10; done++) {
			timeLeft.secondsLeft(done, 100);
			now[0] += 500_000_000L;
		}
		// measured from the report after 2 s (4 done) to 5 s (10 done): 0.5 s a unit
		assertEquals(45, timeLeft.secondsLeft(10, 100), 1e-6);
	}
}
