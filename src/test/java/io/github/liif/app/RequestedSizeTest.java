package io.github.liif.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.inference.TargetSize;
import io.github.liif.inference.ZScale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestedSizeTest {

	@Test
	void anAxisNotGivenTakesTheOthersFactor() {
		assertEquals(Optional.of(TargetSize.scales(3, 3)), RequestedSize.given(null, 3.0, null, 0, 0, ZScale.NONE));
		assertEquals(Optional.of(TargetSize.scales(3, 3)), RequestedSize.given(null, null, 3.0, 0, 0, ZScale.NONE));
		assertEquals(Optional.of(TargetSize.scales(2, 3)), RequestedSize.given(null, 2.0, 3.0, 0, 0, ZScale.NONE));
		assertEquals(Optional.of(TargetSize.scale(2.5)), RequestedSize.given(2.5, null, null, 0, 0, ZScale.NONE));
	}

	@Test
	void zeroWidthAndHeightAreNotGivenAndAGivenSizeReplacesTheFactors() {
		assertEquals(Optional.of(TargetSize.scales(2.5, 2.5)), RequestedSize.given(null, 2.5, 2.5, 0, 0, ZScale.NONE));
		assertEquals(Optional.of(TargetSize.size(40, 30)), RequestedSize.given(null, 2.0, 2.0, 40, 30, ZScale.NONE));
		assertEquals(Optional.empty(), RequestedSize.given(null, null, null, 0, 0, ZScale.NONE));
		assertEquals(Optional.of(TargetSize.scale(1)), RequestedSize.given(null, null, null, 0, 0, ZScale.factor(2)),
			"a Z scale alone keeps the planes");
	}

	@Test
	void contradictoryOrIncompleteSizesAreRefused() {
		for (Double[] scales : new Double[][]{ { 2.0, 3.0, null }, { 2.0, null, 3.0 } }) {
			String m = assertThrows(IllegalArgumentException.class, () -> RequestedSize.given(scales[0], scales[1], scales[2], 0,
				0, ZScale.NONE)).getMessage();
			assertTrue(m.contains("scale sets both axes"), m);
		}
		String m = assertThrows(IllegalArgumentException.class, () -> RequestedSize.given(3.0, null, null, 40, 40, ZScale.NONE))
			.getMessage();
		assertTrue(m.contains("scale sets both axes"), m);
		m = assertThrows(IllegalArgumentException.class, () -> RequestedSize.given(null, null, null, 40, 0, ZScale.NONE))
			.getMessage();
		assertTrue(m.contains("width and height go together"), m);
		m = assertThrows(IllegalArgumentException.class, () -> RequestedSize.given(null, null, null, -5, 10, ZScale.NONE))
			.getMessage();
		assertTrue(m.contains("must be >= 0"), m);
	}
}
