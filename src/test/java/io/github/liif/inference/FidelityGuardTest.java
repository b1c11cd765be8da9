package io.github.liif.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.image.Bicubic;
import io.github.liif.image.Degradation;
import io.github.liif.image.PlanarImage;
import io.github.liif.model.EdsrSpec;
import io.github.liif.model.GlobalResidual;
import io.github.liif.model.LiifSpec;
import io.github.liif.model.Padding;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link FidelityGuard} by hand: what it raises, what it flattens, what it leaves, and when it runs. */
class FidelityGuardTest {

	/** A 6 x 6 image: background 0.2, one bright pixel, and a flat top-left corner of 0.5. */
	private static PlanarImage spot() {
		float[] v = new float[36];
		for (int i = 0; i < v.length; i++) v[i] = 0.2f + 0.01f * (i % 3);
		v[3 * 6 + 3] = 0.9f;
		for (int y = 0; y < 3; y++) for (int x = 0; x < 3; x++) v[y * 6 + x] = 0.5f;
		return new PlanarImage(6, 6, new float[][]{ v });
	}

	@Test
	void raisesUndershootToBicubicOrTheFootprintFlattensFlatFootprintsAndKeepsTheRest() {
		PlanarImage in = spot();
		float[] bicubic = Bicubic.resize(in.plane(0), 6, 6, 12, 12);
		float[] values = new float[144];
		Arrays.fill(values, -1f);
		values[7 * 12 + 9] = 1.7f; // a peak above everything: left alone
		new FidelityGuard(in, 12, 12).guard(0, 0, 12, 12, values);
		assertEquals(1.7f, values[7 * 12 + 9]);
		// (0, 0) reads only the flat corner: exactly its value
		assertEquals(0.5f, values[0]);
		// beside the spot, where bicubic rings below the background: bicubic's value; elsewhere there at least the background
		int ring = 0;
		for (int y = 4; y < 12; y++) for (int x = 4; x < 12; x++) if (bicubic[y * 12 + x] < bicubic[ring]) ring = y * 12 + x;
		assertTrue(bicubic[ring] < 0.2f, "bicubic rings below the background: " + bicubic[ring]);
		assertEquals(bicubic[ring], values[ring], 1e-6);
		for (int y = 4; y < 12; y++)
			for (int x = 4; x < 12; x++) assertTrue(values[y * 12 + x] >= Math.min(0.2f, bicubic[y * 12 + x]) - 1e-6);
	}

	@Test
	void blocksGiveTheWholeImage() {
		PlanarImage in = spot();
		float[] whole = new float[15 * 17];
		for (int i = 0; i < whole.length; i++) whole[i] = (float) Math.sin(i) - 0.2f;
		float[] blocks = whole.clone();
		FidelityGuard guard = new FidelityGuard(in, 15, 17);
		guard.guard(0, 0, 15, 17, whole);
		for (int[] b : new int[][]{ { 0, 0, 7, 9 }, { 0, 9, 7, 8 }, { 7, 0, 8, 9 }, { 7, 9, 8, 8 } }) {
			float[] part = new float[b[2] * b[3]];
			for (int y = 0; y < b[2]; y++) System.arraycopy(blocks, (b[0] + y) * 17 + b[1], part, y * b[3], b[3]);
			guard.guard(b[0], b[1], b[2], b[3], part);
			for (int y = 0; y < b[2]; y++) {
				for (int x = 0; x < b[3]; x++) assertEquals(whole[(b[0] + y) * 17 + b[1] + x], part[y * b[3] + x]);
			}
		}
	}

	@Test
	void onlyTheReferenceFormWithoutTheConsistencyStepRunsWithoutIt() {
		LiifSpec reference = LiifSpec.builder(EdsrSpec.baseline(3)).build();
		assertFalse(FidelityGuard.applies(reference, Consistency.OFF));
		assertTrue(FidelityGuard.applies(reference, new Consistency(1, Degradation.BICUBIC)));
		assertTrue(FidelityGuard.applies(reference.toBuilder().globalResidual(GlobalResidual.BICUBIC).build(), Consistency.OFF));
		assertTrue(FidelityGuard.applies(reference.toBuilder().padding(Padding.REFLECT).build(), Consistency.OFF));
	}
}
