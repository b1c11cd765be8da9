package io.github.liif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the formatter (build-config/eclipse-formatter.xml, checked by {@code mvn verify}) does not
 * see: names in code are imported, not written out in full. The one exception is
 * {@code java.nio.file.Path} beside Hadoop's {@code Path}, where both are needed in one file.
 */
class SourceStyleTest {

	private static final Pattern QUALIFIED = Pattern.compile(
		"(?<![\\w.])(?:java|javax|io\\.github\\.liif|ai\\.djl|org|net|com|scala|ij)(?:\\.[a-z][a-z0-9_]*)*\\.[A-Z]\\w*");
	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

	@Test
	void codeUsesImportedNamesNotQualifiedOnes() throws IOException {
		List<String> found = new ArrayList<>();
		for (String tree : List.of("src/main/java", "src/test/java")) {
			try (Stream<Path> files = Files.walk(Path.of(tree))) {
				for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
					List<String> lines = Files.readAllLines(f);
					for (int i = 0; i < lines.size(); i++) {
						String code = codeOf(lines.get(i));
						Matcher m = QUALIFIED.matcher(code);
						while (m.find()) {
							boolean clash = m.group().equals("java.nio.file.Path") && code.contains("Path") && Files.readString(f)
								.contains("import org.apache.hadoop.fs.Path;");
							if (!clash) found.add(f + ":" + (i + 1) + " " + m.group());
						}
					}
				}
			}
		}
		assertEquals(List.of(), found, "import these names instead");
	}

	/** The line without strings and comments (javadoc and // lines, trailing // comments). */
	private static String codeOf(String line) {
		String t = line.strip();
		if (t.startsWith("*") || t.startsWith("/*") || t.startsWith("//") || t.startsWith("import ") || t.startsWith(
			"package "))
		{
			return "";
		}
		String code = STRING.matcher(line).replaceAll("\"\"");
		int comment = code.indexOf("//");
		return comment < 0 ? code : code.substring(0, comment);
	}
}
