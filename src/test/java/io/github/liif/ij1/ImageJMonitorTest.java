package io.github.liif.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The status line: progress, the plane of a stack, and the time left. */
class ImageJMonitorTest {

	@Test
	void statusShowsThePlaneItsShareAndTheTimeLeft() {
		assertEquals("LIIF Upscale: 25% done, 30 s left (Esc cancels)", ImageJMonitor.status("LIIF Upscale", 1, 4, 30, 1, 1));
		// plane 3 of 4, half of it done: 62% overall
		assertEquals("LIIF Upscale: plane 3/4 (50%), 62% done, 12 s left (Esc cancels)", ImageJMonitor.status("LIIF Upscale", 5,
			8, 12, 3, 4));
		assertEquals("LIIF Train: 10% done, 15 min 0 s left (Esc cancels)", ImageJMonitor.status("LIIF Train", 1, 10, 900, 1, 1));
		assertEquals("LIIF Upscale: 100% done (Esc cancels)", ImageJMonitor.status("LIIF Upscale", 4, 4, 0, 1, 1));
	}

	@Test
	void whileTheThroughputIsNotMeasuredTheStatusSaysEstimating() {
		assertEquals("LIIF Upscale: 0% done, estimating... (Esc cancels)", ImageJMonitor.status("LIIF Upscale", 0, 4, Double.NaN,
			1, 1));
		assertEquals("LIIF Upscale: plane 1/4 (4%), 1% done, estimating... (Esc cancels)", ImageJMonitor.status("LIIF Upscale", 1,
			100, Double.NaN, 1, 4));
	}
}
