package io.github.liif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.liif.inference.TargetSize;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The size options of {@code liif upscale}: the same rule as macros and SciJava. */
class UpscaleSettingsTest {

	private static TargetSize size(String... options) {
		UpscaleCommand command = new UpscaleCommand();
		String[] args = new String[options.length + 3];
		System.arraycopy(options, 0, args, 0, options.length);
		args[options.length] = "in.png";
		args[options.length + 1] = "-o";
		args[options.length + 2] = "out.png";
		new CommandLine(command).parseArgs(args);
		return command.settings.targetSize();
	}

	@Test
	void anAxisNotGivenTakesTheOthersFactor() {
		assertEquals(TargetSize.scales(3, 3), size("--scale-x", "3"));
		assertEquals(TargetSize.scales(3, 3), size("--scale-y", "3"));
		assertEquals(TargetSize.scales(2, 3), size("--scale-x", "2", "--scale-y", "3"));
		assertEquals(TargetSize.scale(2.5), size("--scale", "2.5"));
		assertEquals(TargetSize.size(40, 30), size("--size", "40x30"));
		assertEquals(TargetSize.scale(1), size("--scale-z", "2"));
	}

	@Test
	void contradictoryOrMissingSizesAreRefused() {
		assertThrows(CommandLine.ParameterException.class, () -> size("--scale", "2", "--scale-x", "3"));
		assertThrows(CommandLine.ParameterException.class, () -> size("--scale", "2", "--size", "40x30"));
		assertThrows(IllegalArgumentException.class, () -> size());
	}
}
