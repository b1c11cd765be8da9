package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import io.github.liif.app.EvaluationRequest;
import io.github.liif.app.EvaluationService;
import io.github.liif.eval.AxialEvaluation;
import io.github.liif.inference.Monitor;
import io.github.liif.runtime.DeviceChoice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled microscopy model along Z on real EM data: reduce by 2 along Z, restore, beat linear and cubic interpolation. */
class AlongZQualityTest {

	@Test
	void theMicroscopyModelBeatsLinearAndCubicAlongZOnAnEmVolume() throws Exception {
		EvaluationService.AxialResult result = EvaluationService.alongZ(EvaluationRequest.builder(ImageJSource.files(List.of(Path
			.of("test-images", "em-c-elegans-64.tif")))).model("microscopy").scales(2).noise(0).device(DeviceChoice.CPU).build(),
			Monitor.NONE).get(0);
		assertEquals(1, result.rows().size());
		AxialEvaluation.Row row = result.rows().get(0);
		// measured at 33.04 / 31.23 / 32.05 dB (README, Along Z)
		assertTrue(row.gainOverLinear() > 1.0, "LIIF vs linear along Z: " + row.psnr() + " vs " + row.psnrLinear());
		assertTrue(row.gainOverCubic() > 0.5, "LIIF vs cubic along Z: " + row.psnr() + " vs " + row.psnrCubic());
		assertTrue(Math.abs(row.bias()) < 0.5, "bias in 8-bit levels: " + row.bias());
	}

	@Test
	void aPlaneIsNotAVolume() {
		var flat = IJ.createImage("flat", "8-bit ramp", 30, 20, 1);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageJSource.of(flat).volumes()).getMessage().contains(
			"needs Z-stacks"));
	}
}
