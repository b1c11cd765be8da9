package io.github.liif.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.plugin.PlugIn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ImageJ's menu entries: one plugins.config, at the top of the repository, packaged at the jar's root by the build. */
class PluginsConfigTest {

	@Test
	void theOneCopyAtTheTopIsPackagedAndNamesThePlugins() throws IOException, ClassNotFoundException {
		assertTrue(Files.isRegularFile(Path.of("plugins.config")));
		assertFalse(Files.exists(Path.of("src/main/resources/plugins.config")), "one copy only");
		List<String> packaged;
		try (InputStream in = PluginsConfigTest.class.getResourceAsStream("/plugins.config")) {
			assertNotNull(in, "plugins.config is on the class path (the jar's root)");
			packaged = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
		}
		assertEquals(Files.readAllLines(Path.of("plugins.config")), packaged);
		List<String> entries = packaged.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
		assertEquals(List.of("LIIF Upscale", "LIIF Train", "LIIF Evaluate"), entries.stream().map(l -> l.split("\"")[1])
			.toList());
		for (String entry : entries) {
			String className = entry.substring(entry.lastIndexOf(',') + 1).trim();
			assertTrue(PlugIn.class.isAssignableFrom(Class.forName(className)), className);
		}
	}
}
