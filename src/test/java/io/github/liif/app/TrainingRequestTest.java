package io.github.liif.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.model.GlobalResidual;
import io.github.liif.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingRequestTest {

	@Test
	void unsetFieldsTakeTheDefaultsOfOnePlace() {
		TrainingRequest r = TrainingRequest.builder(Path.of("runs", "cells.v2.liif")).build();
		assertEquals("cells.v2", r.name(), "the output file's name without its extension");
		assertEquals("edsr-baseline", r.encoder());
		assertArrayEquals(new int[]{ 256, 256, 256, 256 }, r.hidden());
		assertEquals(GlobalResidual.parse(GlobalResidual.DEFAULT_FOR_NEW_MODELS), r.globalResidual());
		assertEquals(TrainingConfig.builder().build().learningRate(), r.config().learningRate());
		assertEquals(256, r.validationCrop());
		assertTrue(r.channels().isEmpty() && r.blocks().isEmpty() && r.features().isEmpty());
		assertNull(r.from());
		assertTrue(r.training().isEmpty() && r.validation().isEmpty());
	}

	@Test
	void aBuiltRequestDoesNotChangeWithWhatItWasBuiltFrom() {
		List<ImageSource> images = new ArrayList<>(List.of(new FakeSource("a")));
		int[] hidden = { 64, 64 };
		TrainingRequest r = TrainingRequest.builder(Path.of("m.liif")).training(images).hidden(hidden).from(" ").channels(1)
			.build();
		images.add(new FakeSource("b"));
		hidden[0] = 7;
		assertEquals(List.of(new FakeSource("a")), r.training());
		assertArrayEquals(new int[]{ 64, 64 }, r.hidden());
		assertNull(r.from(), "a blank base model means a new model");
		assertEquals(1, r.channels().getAsInt());
	}

	@Test
	void badValuesAreRefusedWithTheirName() {
		TrainingRequest.Builder b = TrainingRequest.builder(Path.of("m.liif"));
		assertEquals("unknown encoder 'unet': use edsr-baseline or rdn", assertThrows(IllegalArgumentException.class, () -> b
			.encoder("unet")).getMessage());
		assertEquals("blocks must be positive, got 0", assertThrows(IllegalArgumentException.class, () -> b.blocks(0))
			.getMessage());
		assertEquals("hidden sizes must be positive, got -1", assertThrows(IllegalArgumentException.class, () -> b.hidden(8, -1))
			.getMessage());
		assertThrows(IllegalArgumentException.class, () -> b.hidden());
		assertThrows(IllegalArgumentException.class, () -> b.cacheBytes(-1));
	}
}
