package io.github.liif.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.image.Degradation;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.Monitor;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationRequestTest {

	@Test
	void unsetFieldsAreThePapersProtocol() {
		EvaluationRequest r = EvaluationRequest.builder(List.of(new FakeSource("a"))).build();
		assertArrayEquals(new double[]{ 2, 2.5, 3, 4, 6, 8, 12 }, r.scales());
		assertEquals(List.of(Degradation.BICUBIC), r.degradations());
		assertEquals(0.01, r.noise());
		assertTrue(r.ssim());
		assertEquals(Consistency.DEFAULT, r.consistency());
		assertEquals("default", r.model());
	}

	@Test
	void badScalesAreRefusedWithTheirText() {
		assertEquals("scales must be numbers separated by commas, got '2,x'", assertThrows(IllegalArgumentException.class,
			() -> EvaluationRequest.parseScales("2,x")).getMessage());
		assertEquals("scales must be >= 1, got 0.5", assertThrows(IllegalArgumentException.class, () -> EvaluationRequest.builder(
			List.of()).scales(2, 0.5).build()).getMessage());
		assertEquals("give at least one scale", assertThrows(IllegalArgumentException.class, () -> EvaluationRequest.builder(List
			.of()).scales().build()).getMessage());
	}

	@Test
	void noImagesIsRefusedBeforeAnyModelLoads() {
		EvaluationRequest r = EvaluationRequest.builder(List.of()).model("no-such-model.liif").build();
		assertTrue(assertThrows(IOException.class, () -> EvaluationService.inPlane(r, Monitor.NONE, w -> {})).getMessage()
			.startsWith("no images to evaluate on"));
	}
}
