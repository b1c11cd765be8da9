package io.github.liif.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.ZScale;
import io.github.liif.runtime.DeviceChoice;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class UpscaleRequestTest {

	@Test
	void unsetFieldsTakeTheDefaultsEveryFrontEndShares() {
		UpscaleRequest r = UpscaleRequest.builder(TargetSize.scale(2)).build();
		assertEquals("default", r.model());
		assertEquals(256, r.options().tile());
		assertEquals(UpscaleOptions.DEFAULT.batch(), r.options().batch());
		assertEquals(Consistency.DEFAULT, r.options().consistency(), "auto: the model's own degradation");
		assertEquals(DeviceChoice.AUTO, r.device());
		assertFalse(r.float32());
		assertTrue(r.z().isNone());
		assertEquals(AxialUpscaler.Planes.BOTH, r.zPlanes());
	}

	@Test
	void tileAndConsistencyChangeOnlyTheirPartOfTheOptions() {
		UpscaleRequest r = UpscaleRequest.builder(TargetSize.scale(3)).tile(64).consistency(Consistency.OFF).z(ZScale.parse("2"))
			.build();
		assertEquals(64, r.options().tile());
		assertEquals(Consistency.OFF, r.options().consistency());
		assertEquals(UpscaleOptions.DEFAULT.mode(), r.options().mode());
		assertEquals(r.withModel("cells.liif"), UpscaleRequest.builder(TargetSize.scale(3)).model("cells.liif").tile(64)
			.consistency(Consistency.OFF).z(ZScale.parse("2")).build());
	}

	@Test
	void badValuesAreRefusedWithWhatToDo() {
		assertEquals("no model given: use 'default', a bundled name or a model file", assertThrows(IllegalArgumentException.class,
			() -> UpscaleRequest.builder(TargetSize.scale(2)).model(" ").build()).getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> UpscaleRequest.builder(TargetSize.scale(2)).tile(4))
			.getMessage().contains("at least 8"));
	}

	@Test
	void aRequestTravelsToClusterWorkersUnchanged() throws Exception {
		UpscaleRequest r = UpscaleRequest.builder(TargetSize.scales(2.5, 3)).model("microscopy").float32(true).build();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(r);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			UpscaleRequest back = (UpscaleRequest) in.readObject();
			assertEquals(r, back);
		}
	}
}
