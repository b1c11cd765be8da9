package io.github.liif.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Output sizes of huge factors: computed without overflow and refused with the real numbers. */
class TargetSizeTest {

	@Test
	void hugeFactorsAreRefusedWithTheRealSizesNeverWrappedOnes() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetSize.scale(1e9).plane(50, 40,
			"choose a smaller scale or a ROI"));
		assertEquals("the result would be 50000000000 x 40000000000 = 2.00e+21 pixels per plane, more than one plane holds "
			+ "(2^31 - 1): choose a smaller scale or a ROI", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> TargetSize.scale(5000).plane(50, 40, "no"));
		assertEquals("the result would be 250000 x 200000 = 50000000000 pixels per plane, more than one plane holds "
			+ "(2^31 - 1): no", e.getMessage());
		assertArrayEquals(new int[]{ 46340, 46340 }, TargetSize.size(46340, 46340).plane(10, 10, "no"));
		e = assertThrows(IllegalArgumentException.class, () -> ZScale.parse("1e9").slices(10, 1, 1, false));
		assertEquals("along Z the result would have 10000000000 slices (from 10), more than a stack holds (2^31): choose a "
			+ "smaller scale_z", e.getMessage());
	}
}
