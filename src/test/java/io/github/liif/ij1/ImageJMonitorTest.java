package io.github.liif.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The status line: progress, the plane of a stack, and the time left. */
class ImageJMonitorTest {

	@Test
	void statusShowsThePlaneItsShareAndTheTimeLeft() {
		assertEquals("LIIF Upscale: 25% done, 30 s left (Esc cancels)", ImageJMonitor.status("LIIF Upscale", 1, 4, 10, 1, 1));
		// plane 3 of 4, half of it done: 62% overall; 20 s took 62.5%, so 12 s are left
		assertEquals("LIIF Upscale: plane 3/4 (50%), 62% done, 12 s left (Esc cancels)", ImageJMonitor.status("LIIF Upscale", 5,
			8, 20, 3, 4));
		assertEquals("LIIF Train: 10% done, 15 min 0 s left (Esc cancels)", ImageJMonitor.status("LIIF Train", 1, 10, 100, 1, 1));
		assertEquals("LIIF Upscale: 100% done (Esc cancels)", ImageJMonitor.status("LIIF Upscale", 4, 4, 10, 1, 1));
	}
}
