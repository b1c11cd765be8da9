package io.github.liif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers, read from the sources' imports and qualified names: no cycles between the
 * project's packages, and the core and application packages know no framework (ImageJ,
 * SciJava, ImgLib2, picocli, Spark, Hadoop) and no package that does; front ends and adapters
 * drive the engine ({@code inference.Upscaler}) only through the application's use cases.
 */
class LayeringTest {

	private static final Path ROOT = Path.of("src/main/java/io/github/liif");
	/** Packages that must run without any UI or cluster framework. */
	private static final Set<String> FRAMEWORK_FREE = Set.of("app", "catalogue", "eval", "geometry", "image", "inference", "io",
		"model", "network", "normalize", "runtime", "train");
	private static final List<String> FRAMEWORKS = List.of("ij.", "net.imagej.", "org.scijava.", "net.imglib2.", "picocli.",
		"org.apache.spark.", "org.apache.hadoop.");
	/** Where the engine may be driven directly: the use cases, the core, and the benchmark that times the engine itself. */
	private static final Set<String> ENGINE_USERS = Set.of("app", "eval", "train", "catalogue", "inference");
	private static final Path BENCHMARK = ROOT.resolve("cli/BenchCommand.java");
	private static final Pattern ENGINE = Pattern.compile("\\bio\\.github\\.liif\\.inference\\.Upscaler\\b");
	private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)(?:\\.\\*)?;", Pattern.MULTILINE);
	private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.github\\.liif\\.(\\w+)\\.");

	/** package -> the project's packages it uses */
	static final Map<String, Set<String>> USES = new TreeMap<>();
	/** files outside {@link #ENGINE_USERS} that name the engine */
	static final List<String> ENGINE_OUTSIDE = new ArrayList<>();
	/** package -> framework prefixes it imports */
	static final Map<String, Set<String>> FRAMEWORK_USES = new TreeMap<>();

	@BeforeAll
	static void read() throws IOException {
		try (Stream<Path> files = Files.walk(ROOT)) {
			files.filter(f -> f.toString().endsWith(".java")).forEach(LayeringTest::read);
		}
	}

	private static void read(Path file) {
		String pkg = ROOT.relativize(file).getName(0).toString();
		if (pkg.endsWith(".java")) pkg = "";
		String source;
		try {
			source = Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!ENGINE_USERS.contains(pkg) && !file.equals(BENCHMARK) && ENGINE.matcher(source).find())
			ENGINE_OUTSIDE.add(ROOT.relativize(file).toString());
		Set<String> uses = USES.computeIfAbsent(pkg, k -> new TreeSet<>());
		Set<String> frameworks = FRAMEWORK_USES.computeIfAbsent(pkg, k -> new TreeSet<>());
		Matcher q = QUALIFIED.matcher(source);
		while (q.find()) if (!q.group(1).equals(pkg)) uses.add(q.group(1));
		Matcher m = IMPORT.matcher(source);
		while (m.find()) {
			String name = m.group(1) + ".";
			for (String f : FRAMEWORKS) if (name.startsWith(f)) frameworks.add(f);
		}
	}

	private static Set<String> reachable(String from) {
		Set<String> seen = new TreeSet<>();
		ArrayDeque<String> todo = new ArrayDeque<>(USES.getOrDefault(from, Set.of()));
		while (!todo.isEmpty()) {
			String p = todo.pop();
			if (seen.add(p)) todo.addAll(USES.getOrDefault(p, Set.of()));
		}
		return seen;
	}

	@Test
	void theGraphIsRead() {
		assertTrue(USES.get("inference").contains("network"), "inference uses the network: " + USES);
		assertTrue(FRAMEWORK_USES.get("ij1").contains("ij."), "the ImageJ 1 front end imports ImageJ: " + FRAMEWORK_USES);
	}

	@Test
	void noPackageCycles() {
		List<String> cycles = new ArrayList<>();
		for (String p : USES.keySet()) if (reachable(p).contains(p)) cycles.add(p + " -> " + USES.get(p));
		assertEquals(List.of(), cycles, "packages that reach themselves");
	}

	@Test
	void theCoreAndApplicationPackagesKnowNoFramework() {
		Set<String> framed = new TreeSet<>();
		FRAMEWORK_USES.forEach((p, f) -> {
			if (!f.isEmpty()) framed.add(p);
		});
		List<String> broken = new ArrayList<>();
		for (String p : FRAMEWORK_FREE) {
			if (!FRAMEWORK_USES.getOrDefault(p, Set.of()).isEmpty()) broken.add(p + " imports " + FRAMEWORK_USES.get(p));
			for (String q : reachable(p))
				if (framed.contains(q)) broken.add(p + " reaches " + q + ", which imports " + FRAMEWORK_USES.get(q));
		}
		assertEquals(List.of(), broken);
	}

	@Test
	void frontEndsAndAdaptersReachTheEngineOnlyThroughTheApplication() {
		assertEquals(List.of(), ENGINE_OUTSIDE, "files outside " + ENGINE_USERS
			+ " (and the benchmark) that use inference.Upscaler");
	}
}
