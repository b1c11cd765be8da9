package io.github.liif.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.github.liif.TinyModels;
import io.github.liif.image.Bicubic;
import io.github.liif.image.PlanarImage;
import io.github.liif.model.GlobalResidual;
import io.github.liif.network.DecoderMode;
import io.github.liif.network.LiifNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Along Z: the model on XZ and YZ planes, checked against PIL's bicubic along Z with a silenced model, and the averaging. */
class AxialUpscalerTest {

	private static PlanarImage[] volume(int nz, int h, int w, int channels, long seed) {
		Random r = new Random(seed);
		PlanarImage[] v = new PlanarImage[nz];
		for (int z = 0; z < nz; z++) {
			float[][] p = new float[channels][h * w];
			for (float[] plane : p) for (int i = 0; i < plane.length; i++) plane[i] = r.nextFloat();
			v[z] = new PlanarImage(h, w, p);
		}
		return v;
	}

	/** PIL's bicubic along Z alone, voxel by voxel (the profile of each (y, x) resized from nz to outZ). */
	private static float[] bicubicAlongZ(PlanarImage[] v, int c, int y, int x, int outZ) {
		float[] profile = new float[v.length];
		for (int z = 0; z < v.length; z++) profile[z] = v[z].get(c, y, x);
		return Bicubic.resize(profile, v.length, 1, outZ, 1);
	}

	@Test
	void aSilencedResidualModelIsPilBicubicAlongZAndLeavesXyAlone() {
		PlanarImage[] v = volume(5, 11, 13, 3, 1);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.silenced(TinyModels.randomEdsr(3, true, GlobalResidual.BICUBIC, 4)),
			Device.cpu()))
		{
			for (AxialUpscaler.Planes planes : AxialUpscaler.Planes.values()) {
				PlanarImage[] up = new AxialUpscaler(new Upscaler(net, new UpscaleOptions(8, 37, DecoderMode.SPLIT)), planes)
					.upscale(v, 18, Monitor.NONE);
				assertEquals(18, up.length);
				for (int c = 0; c < 3; c++) {
					for (int y = 0; y < 11; y++) {
						for (int x = 0; x < 13; x++) {
							float[] expected = bicubicAlongZ(v, c, y, x, 18);
							for (int z = 0; z < 18; z++)
								assertEquals(expected[z], up[z].get(c, y, x), 2e-6, planes + " at " + z + "," + y + "," + x);
						}
					}
				}
			}
		}
	}

	@Test
	void bothIsTheMeanOfTheXzAndYzEstimatesAndProgressEndsAtItsTotal() {
		PlanarImage[] v = volume(4, 6, 5, 1, 2);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(1, true, 8), Device.cpu())) {
			Upscaler upscaler = new Upscaler(net, UpscaleOptions.DEFAULT);
			PlanarImage[] xz = new AxialUpscaler(upscaler, AxialUpscaler.Planes.XZ).upscale(v, 10, Monitor.NONE);
			PlanarImage[] yz = new AxialUpscaler(upscaler, AxialUpscaler.Planes.YZ).upscale(v, 10, Monitor.NONE);
			List<long[]> reports = new ArrayList<>();
			Monitor recording = new Monitor() {

				@Override
				public void progress(long done, long total) {
					reports.add(new long[]{ done, total });
				}

				@Override
				public boolean isCancelled() { return false; }
			};
			PlanarImage[] both = new AxialUpscaler(upscaler, AxialUpscaler.Planes.BOTH).upscale(v, 10, recording);
			double differ = 0;
			for (int z = 0; z < 10; z++) {
				for (int i = 0; i < 30; i++) {
					float a = xz[z].plane(0)[i];
					float b = yz[z].plane(0)[i];
					assertEquals((a + b) * 0.5f, both[z].plane(0)[i], 1e-7);
					differ = Math.max(differ, Math.abs(a - b));
				}
			}
			assertTrue(differ > 1e-3, "the two plane families give different estimates on random data: " + differ);
			long total = AxialUpscaler.work(6, 5, 10, AxialUpscaler.Planes.BOTH);
			long last = -1;
			for (long[] r : reports) {
				assertEquals(total, r[1]);
				assertTrue(r[0] >= last, "monotone");
				last = r[0];
			}
			assertEquals(total, last);
		}
	}

	@Test
	void cancellingStopsTheVolume() {
		PlanarImage[] v = volume(4, 6, 5, 1, 3);
		try (LiifNetwork net = LiifNetwork.create(TinyModels.randomEdsr(1, true, 8), Device.cpu())) {
			Monitor cancelled = new Monitor() {

				@Override
				public void progress(long done, long total) {}

				@Override
				public boolean isCancelled() { return true; }
			};
			assertThrows(CancelledException.class, () -> new AxialUpscaler(new Upscaler(net, UpscaleOptions.DEFAULT),
				AxialUpscaler.Planes.BOTH).upscale(v, 10, cancelled));
		}
	}

	@Test
	void zScalesParseAndIsotropicNeedsACalibration() {
		assertTrue(ZScale.parse("1").isNone());
		assertTrue(ZScale.parse(" ").isNone());
		assertEquals(40, ZScale.parse("4").slices(10, 1, 1, false));
		assertEquals(25, ZScale.parse("2.5").slices(10, 1, 1, false));
		// 0.8 um slices, 0.2 um pixels after XY: 4x
		assertEquals(44, ZScale.parse("isotropic").slices(11, 0.8, 0.2, true));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ZScale.parse("isotropic").slices(11, 1, 1, false))
			.getMessage().contains("Image > Properties"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ZScale.parse("isotropic").slices(11, 0.1, 0.2, true))
			.getMessage().contains("already finer along Z"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ZScale.parse("0.5")).getMessage().contains(">= 1"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ZScale.parse("four")).getMessage().contains("'four'"));
	}
}
