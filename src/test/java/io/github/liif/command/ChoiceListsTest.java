package io.github.liif.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.liif.image.Degradation;
import io.github.liif.inference.Consistency;
import io.github.liif.runtime.DeviceChoice;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.scijava.plugin.Parameter;

/**
 * The SciJava commands' choice lists are annotation constants, which cannot be computed from the
 * enums: they must list exactly what the enums (and the consistency choices) hold.
 */
class ChoiceListsTest {

	private static String[] choices(Class<?> command, String field) throws NoSuchFieldException {
		return command.getDeclaredField(field).getAnnotation(Parameter.class).choices();
	}

	@Test
	void devicesAreTheDeviceChoices() throws NoSuchFieldException {
		assertArrayEquals(DeviceChoice.ids(), new String[]{ DeviceChoice.AUTO_ID, DeviceChoice.CPU_ID, DeviceChoice.GPU_ID });
		assertArrayEquals(DeviceChoice.ids(), choices(LiifUpscaleCommand.class, "device"));
		assertArrayEquals(DeviceChoice.ids(), choices(LiifUpscaleImgCommand.class, "device"));
	}

	@Test
	void degradationsAreTheDegradations() throws NoSuchFieldException {
		assertArrayEquals(Degradation.ids(), new String[]{ Degradation.BICUBIC_ID, Degradation.AREA_ID,
			Degradation.BLUR_NOISE_ID });
		assertArrayEquals(Degradation.ids(), choices(LiifTrainCommand.class, "degradation"));
	}

	@Test
	void consistencyChoicesAreAutoOffAndEveryDegradation() throws NoSuchFieldException {
		String[] expected = Stream.concat(Stream.of(Consistency.DEFAULT_ID, Consistency.OFF.id()), Stream.of(Degradation.ids()))
			.toArray(String[]::new);
		assertArrayEquals(expected, Consistency.CHOICES);
		assertArrayEquals(expected, choices(LiifUpscaleCommand.class, "consistency"));
		assertArrayEquals(expected, choices(LiifUpscaleImgCommand.class, "consistency"));
	}
}
