package io.github.liif.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A result that cannot fit: refused with the numbers, and each front end says how to raise its limit. */
class HeapCheckTest {

	@Test
	void aResultThatCannotFitIsRefusedWithTheNumbersAndTheFrontEndsAdvice() {
		ResultTooLargeException e = assertThrows(ResultTooLargeException.class, () -> HeapCheck.require(2_000_000_000_000L,
			"the result (1000000 x 1000000 x 2 planes)", "choose a smaller scale or a ROI"));
		// ImageJ and Fiji show the message as it is
		assertTrue(e.getMessage().matches("the result \\(1000000 x 1000000 x 2 planes\\) needs about 2000.00 GB of memory "
			+ "but only [0-9.]+ GB are free; raise ImageJ's memory \\(Edit > Options > Memory & Threads\\), or choose a "
			+ "smaller scale or a ROI"), e.getMessage());
		assertTrue(e.message("raise it with -Xmx").contains("GB are free; raise it with -Xmx, or choose"), e.message("x"));
		assertTrue(e.neededHeapGigabytes() >= 2235, "" + e.neededHeapGigabytes());
	}
}
