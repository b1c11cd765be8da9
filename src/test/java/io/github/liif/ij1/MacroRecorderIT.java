package io.github.liif.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.io.FileSaver;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Macro recording as Fiji users build batch macros: the LIIF Upscale dialog, driven with the
 * mouse and keyboard in a real ImageJ 1 under the virtual display, is recorded with every choice,
 * and the recorded line replays the same result.
 */
class MacroRecorderIT {

	@TempDir
	Path dir;

	@Test
	void theRecordedLineHoldsTheTypedScaleAndReplaysTheSameResult() throws Exception {
		Path data = Files.createDirectories(dir.resolve("data"));
		new FileSaver(IJ.createImage("hr", "8-bit ramp", 48, 40, 1)).saveAsTiff(data.resolve("hr.tif").toString());
		Path training = Files.createDirectories(dir.resolve("train"));
		new FileSaver(IJ.createImage("t", "8-bit ramp", 64, 56, 1)).saveAsTiff(training.resolve("t.tif").toString());
		Path model = dir.resolve("mine.liif");
		String classpath = ImageJRunner.IMAGEJ.resolve("ij.jar") + File.pathSeparator + Path.of("target", "test-classes")
			.toAbsolutePath();
		ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Xmx2g", "-cp", classpath, RecorderDriver.class.getName(), ImageJRunner.IMAGEJ.toString(), data.toString(), training
				.toString(), model.toString())).redirectErrorStream(true);
		Process p = builder.start();
		byte[] out = p.getInputStream().readAllBytes();
		assertTrue(p.waitFor(4, TimeUnit.MINUTES), "the ImageJ session did not end");
		String log = new String(out, StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), log);
		assertTrue(log.contains("MODELS: default|natural|microscopy|From file..."), "the model is a choice list: " + log);
		assertTrue(log.contains("Help"), "a Help button: " + log);
		assertTrue(log.contains("PREVIEW: result: 120 x 90 pixels"), "the preview shows the remembered scale (3) from the start: "
			+ log);
		assertTrue(log.contains("TYPED: 2.5"), log);
		assertTrue(log.contains("FIRST: 100x75"), "the dialog's scale 2.5 was used: " + log);
		assertTrue(log.contains("RECORDED: run(\"LIIF Upscale\", \"model=default "), log);
		assertTrue(log.contains(" scale_x=2.5 scale_y=2.5 "), log);
		assertTrue(log.contains(" scale_z=1 "), "the Z field is recorded: " + log);
		assertTrue(log.contains("consistency=auto"), "every choice is recorded: " + log);
		assertTrue(log.contains("REPLAY: 100x75"), log);
		// Help names exactly the dialog's fields: the keys the Recorder wrote, one per field
		String recorded = log.lines().filter(l -> l.startsWith("RECORDED: ")).findFirst().orElseThrow();
		String options = recorded.substring(recorded.indexOf("\", \"") + 4, recorded.lastIndexOf("\")"));
		Set<String> fields = new TreeSet<>();
		for (String token : options.replaceAll("\\[[^\\]]*\\]", "").trim().split("\\s+")) fields.add(token.split("=")[0]);
		Set<String> explained = new TreeSet<>();
		Matcher bold = Pattern.compile("<b>(\\w+)</b>").matcher(Help.UPSCALE);
		while (bold.find()) explained.add(bold.group(1));
		assertEquals(fields, explained, "the Help of LIIF Upscale against its dialog");
		assertTrue(fields.contains("device"), recorded);
		assertTrue(log.contains("SAME PIXELS: true"), log);
		assertTrue(log.contains("RECORDED EVALUATE: run(\"LIIF Evaluate\", \"model=default data=" + data
			+ " scales=2 degradation=bicubic" + " consistency=auto\");"), log);
		assertTrue(log.contains("RECORDED TRAIN: run(\"LIIF Train\", \"data=" + training + " images=[] validation=" + data), log);
		assertTrue(log.contains("output=" + model + " iterations=2 channels=auto batch=2"), log);
		assertTrue(log.contains("degradation=bicubic global_residual=bicubic"), log);
		assertTrue(Files.exists(model), "the recorded training ran: " + log);
	}
}
