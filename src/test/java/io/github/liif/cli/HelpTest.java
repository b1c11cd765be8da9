package io.github.liif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** One source of truth: the synopsis of 'liif upscale' in docs/cli.md (linked from the README) names exactly the options --help lists. */
class HelpTest {

	@Test
	void theDocumentedSynopsisListsEveryUpscaleOptionOfTheHelpAndNoOther() throws IOException {
		List<String> doc = Files.readAllLines(Path.of("docs", "cli.md"));
		int first = doc.indexOf(doc.stream().filter(l -> l.startsWith("./liif upscale [")).findFirst().orElseThrow());
		StringBuilder synopsis = new StringBuilder(doc.get(first));
		for (int i = first + 1; doc.get(i).startsWith(" "); i++) synopsis.append(' ').append(doc.get(i));
		Set<String> documented = new TreeSet<>();
		Matcher m = Pattern.compile("(?<![\\w-])(--[a-z][a-z-]*|-[a-z])\\b").matcher(synopsis);
		while (m.find()) documented.add(m.group(1));
		CommandLine upscale = new CommandLine(new LiifCli()).getSubcommands().get("upscale");
		Set<String> offered = new TreeSet<>();
		for (OptionSpec o : upscale.getCommandSpec().options()) {
			if (o.usageHelp() || o.versionHelp()) continue;
			// the README may give either name of an option, such as -o for --output
			String name = List.of(o.names()).stream().filter(documented::contains).findFirst().orElse(o.longestName());
			offered.add(name);
		}
		assertEquals(offered, documented);
	}

	@Test
	void theHelpNamesEveryReadableFormatAndVerbose() {
		StringWriter help = new StringWriter();
		CommandLine cli = new CommandLine(new LiifCli());
		cli.getSubcommands().get("upscale").usage(new PrintWriter(help));
		assertTrue(help.toString().contains("PNG; JPEG; GIF; BMP"), help.toString());
		assertTrue(help.toString().contains("--verbose"), help.toString());
	}
}
