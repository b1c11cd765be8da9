package io.github.liif.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import io.github.liif.TinyModels;
import io.github.liif.image.PlanarImage;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.network.LiifNetwork;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChannelConversionTest {

	@Test
	void grayModelEqualsTheRgbModelOnReplicatedInputAveraged() {
		LiifModelWeights rgb = TinyModels.randomEdsr(3, true, 4);
		LiifModelWeights gray = ChannelConversion.rgbToGray(rgb);
		assertEquals(1, gray.spec().inChannels());
		assertEquals(1, gray.spec().outChannels());
		Random r = new Random(1);
		float[] plane = new float[15 * 11];
		for (int i = 0; i < plane.length; i++) plane[i] = r.nextFloat();
		try (LiifNetwork a = LiifNetwork.create(rgb, Device.cpu()); LiifNetwork b = LiifNetwork.create(gray, Device.cpu())) {
			PlanarImage colour = new Upscaler(a, UpscaleOptions.DEFAULT).upscale(new PlanarImage(11, 15, new float[][]{ plane,
				plane, plane }), 25, 31, Monitor.NONE);
			PlanarImage mono = new Upscaler(b, UpscaleOptions.DEFAULT).upscale(new PlanarImage(11, 15, new float[][]{ plane }),
				25, 31, Monitor.NONE);
			for (int i = 0; i < mono.plane(0).length; i++) {
				float mean = (colour.plane(0)[i] + colour.plane(1)[i] + colour.plane(2)[i]) / 3;
				assertEquals(mean, mono.plane(0)[i], 2e-5);
			}
		}
		assertThrows(IllegalArgumentException.class, () -> ChannelConversion.rgbToGray(gray));
	}
}
