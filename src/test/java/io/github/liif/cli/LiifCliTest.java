package io.github.liif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import io.github.liif.Fixtures;
import io.github.liif.app.ResultTooLargeException;
import io.github.liif.io.WriteFailedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in this JVM: exit codes and the one line on stderr. */
class LiifCliTest {

	@TempDir
	Path dir;

	record Run(int exit, String err) {}

	static Run liif(String... args) {
		PrintStream old = System.err;
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			int exit = LiifCli.run(args);
			// the engine's own log lines (SLF4J, DJL) go to stderr too in a test JVM; the launcher silences them
			return new Run(exit, err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("SLF4J") && !l.startsWith(
				"[")).map(l -> l + "\n").collect(Collectors.joining()));
		}
		finally {
			System.setErr(old);
		}
	}

	private static String model() {
		return Fixtures.path("tiny.pth").toString();
	}

	@Test
	void hugeFactorsAreRefusedWithTheRealSizes() {
		Path out = dir.resolve("o.png");
		Run r = liif("upscale", "--model", model(), "--scale", "1e9", Fixtures.path("input-23x17.png").toString(), "-o", out
			.toString());
		assertEquals(2, r.exit(), r.err());
		assertEquals("liif: error: the result would be 23000000000 x 17000000000 = 3.91e+20 pixels per plane, more than one "
			+ "plane holds (2^31 - 1): choose a smaller scale (in ImageJ also: a ROI)\n", r.err());
		assertFalse(Files.exists(out));
	}

	@Test
	void aResultThatCannotFitIsRefusedBeforeAnyWorkWithHowToRaiseJavasLimit() throws IOException {
		ImagePlus stack = IJ.createImage("stack", "16-bit ramp", 23, 17, 100);
		Path in = dir.resolve("stack.tif");
		new FileSaver(stack).saveAsTiffStack(in.toString());
		Run r = liif("upscale", "--model", model(), "--scale", "1000", in.toString(), "-o", dir.resolve("o.tif").toString());
		assertEquals(2, r.exit(), r.err());
		assertTrue(r.err().startsWith("liif: error: the result (23000 x 17000 x 100 planes) needs about 78.20 GB of memory but "
			+ "only "), r.err());
		assertTrue(r.err().matches("(?s).*GB are free; raise Java's memory limit with LIIF_JAVA_OPTS=-Xmx\\d+g \\(in the "
			+ "environment of \\./liif\\), or choose a smaller scale \\(in ImageJ also: a ROI\\)\n"), r.err());
		assertFalse(Files.exists(dir.resolve("o.tif")));
	}

	@Test
	void badInputExitsTwoAndFailuresWhileWorkingOne() {
		StringWriter text = new StringWriter();
		PrintWriter err = new PrintWriter(text, true);
		assertEquals(LiifCli.BAD_INPUT, LiifCli.report(new ResultTooLargeException("the result", 5L << 30, 1L << 30, 0,
			"choose a smaller scale"), err));
		assertEquals(LiifCli.FAILED, LiifCli.report(new OutOfMemoryError("Java heap space"), err));
		assertEquals(LiifCli.FAILED, LiifCli.report(new WriteFailedException("cannot write o.png: no space left on device", null),
			err));
		assertEquals(LiifCli.BAD_INPUT, LiifCli.report(new IOException("a.png: not a readable image"), err));
		String[] lines = text.toString().split("\n");
		assertEquals(4, lines.length, text.toString());
		assertTrue(lines[0].contains("LIIF_JAVA_OPTS=-Xmx6g"), lines[0]);
		assertTrue(lines[1].startsWith("liif: error: out of memory (Java heap space); raise Java's memory limit with "
			+ "LIIF_JAVA_OPTS=-Xmx"), lines[1]);
		assertEquals("liif: error: cannot write o.png: no space left on device", lines[2]);
	}

	@Test
	void aUsageErrorIsOneLineThatPointsToTheHelp() {
		Run r = liif("upscale", "--scale", "2", Fixtures.path("input-23x17.png").toString());
		assertEquals(2, r.exit(), r.err());
		assertEquals("liif: error: Missing required option: '--output=OUTPUT' (see 'liif upscale --help')\n", r.err());
		r = liif("upscale", "--scael", "2");
		assertEquals(2, r.exit(), r.err());
		assertEquals(1, r.err().lines().count(), r.err());
	}
}
