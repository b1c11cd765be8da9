package io.github.liif.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The Fiji bundle on small fake jars: the update site's db.xml.gz and files, the zip, the updater's checksums, and
 * that each platform folder of the bundle profile holds the libtorch DJL picks on that platform.
 */
class FijiBundleTest {

	@TempDir
	Path dir;

	private static Path jar(Path file, Map<String, String> entries) throws IOException {
		Files.createDirectories(file.getParent());
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (var e : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(e.getKey()));
				out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return file;
	}

	private static String sha1(String... parts) throws Exception {
		MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
		for (String p : parts) sha1.update(p.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(sha1.digest());
	}

	@Test
	void aJarsChecksumIsTheUpdatersSortedEntriesWithoutManifestOrPropertiesComments() throws Exception {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("b/B.class", "code");
		entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nBuilt-By: alice\n");
		entries.put("a/pom.properties", "#Created by Apache Maven 3.8.7\nversion=1\n");
		Path one = jar(dir.resolve("one.jar"), entries);
		// entries sorted by name (upper case first), each name then its content
		assertEquals(sha1("META-INF/MANIFEST.MF", "a/pom.properties", "\nversion=1\n", "b/B.class", "code"), FijiBundle.checksum(
			"jars/one.jar", one));
		entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nBuilt-By: bob\n");
		entries.put("a/pom.properties", "#Created by Apache Maven 3.9.9\nversion=1\n");
		assertEquals(FijiBundle.checksum("jars/one.jar", one), FijiBundle.checksum("jars/two.jar", jar(dir.resolve("two.jar"),
			entries)), "a rebuild by someone else is the same file to the updater");
		entries.put("b/B.class", "other code");
		assertNotEquals(FijiBundle.checksum("jars/one.jar", one), FijiBundle.checksum("jars/three.jar", jar(dir.resolve(
			"three.jar"), entries)));
		Path macro = Files.writeString(dir.resolve("m.ijm"), "print(1);");
		assertEquals(sha1("macros/m.ijm", "print(1);"), FijiBundle.checksum("macros/m.ijm", macro), "other files: path, bytes");
	}

	@Test
	void propertiesLoseTheirCommentLinesAsTheUpdaterReadsThem() {
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("#date\nkey=value\n", "\nkey=value\n");
		cases.put("a=1\n#x\nb=2", "a=1\n\nb=2");
		cases.put("##x\n#y\n", "\n\n");
		cases.put("#no line end", "");
		// the updater's quirks: a line starts only after a line end read inside a line
		cases.put("\n#kept\n", "\n#kept\n");
		cases.put("#\n#kept\n", "\n#kept\n");
		for (var c : cases.entrySet()) {
			assertEquals(c.getValue(), new String(FijiBundle.withoutComments(c.getKey().getBytes(StandardCharsets.UTF_8)),
				StandardCharsets.UTF_8), c.getKey());
		}
	}

	/** A Fiji.app overlay: the plugin, two libraries, natives for two platforms. */
	private Path fakeBundle() throws IOException {
		Path folder = dir.resolve("bundle");
		jar(folder.resolve("plugins/LIIF_Upscale-1.0.jar"), Map.of("plugins.config", "Plugins, \"LIIF Upscale\", X"));
		jar(folder.resolve("jars/api-0.36.0.jar"), Map.of("ai/djl/A.class", "a"));
		jar(folder.resolve("jars/pickle-1.5.jar"), Map.of("net/P.class", "p"));
		jar(folder.resolve("jars/linux64/pytorch-native-cpu-2.7.1-linux-x86_64.jar"), Map.of("x.so", "linux"));
		jar(folder.resolve("jars/win64/pytorch-native-cpu-2.7.1-win-x86_64.jar"), Map.of("x.dll", "windows"));
		return folder;
	}

	@Test
	void theUpdateSiteListsEveryFileWithItsChecksumPlatformAndTimestampedCopy() throws Exception {
		Path folder = fakeBundle();
		Path site = dir.resolve("site");
		String stamp = "20261208001500";
		FijiBundle.updateSite(folder, site, stamp, "LIIF <Upscale> & more", null);
		List<String> files = FijiBundle.files(folder);
		for (String path : files) {
			assertArrayEquals(Files.readAllBytes(folder.resolve(path)), Files.readAllBytes(site.resolve(path + "-" + stamp)),
				path);
		}
		Document db = database(site);
		NodeList plugins = db.getElementsByTagName("plugin");
		List<String> listed = new ArrayList<>();
		for (int i = 0; i < plugins.getLength(); i++) {
			Element plugin = (Element) plugins.item(i);
			String path = plugin.getAttribute("filename");
			listed.add(path);
			Element version = (Element) plugin.getElementsByTagName("version").item(0);
			assertEquals(FijiBundle.checksum(path, folder.resolve(path)), version.getAttribute("checksum"), path);
			assertEquals(stamp, version.getAttribute("timestamp"));
			assertEquals(String.valueOf(Files.size(folder.resolve(path))), version.getAttribute("filesize"));
			NodeList platforms = plugin.getElementsByTagName("platform");
			String platform = platforms.getLength() == 0 ? null : platforms.item(0).getTextContent();
			assertEquals(path.contains("linux64/") ? "linux64" : path.contains("win64/") ? "win64" : null, platform, path);
			List<String> dependencies = new ArrayList<>();
			NodeList deps = version.getElementsByTagName("dependency");
			for (int d = 0; d < deps.getLength(); d++) dependencies.add(((Element) deps.item(d)).getAttribute("filename"));
			assertEquals(path.startsWith("plugins/") ? List.of("jars/api-0.36.0.jar", "jars/pickle-1.5.jar") : List.of(),
				dependencies, "the plugin needs the libraries; each platform has its own natives");
			if (path.startsWith("plugins/")) {
				assertEquals("LIIF <Upscale> & more", version.getElementsByTagName("description").item(0).getTextContent());
			}
		}
		assertEquals(files, listed);
		assertEquals(List.of("jars/api-0.36.0.jar", "jars/linux64/pytorch-native-cpu-2.7.1-linux-x86_64.jar",
			"jars/pickle-1.5.jar", "jars/win64/pytorch-native-cpu-2.7.1-win-x86_64.jar", "plugins/LIIF_Upscale-1.0.jar"), files);
	}

	/** The site's db.xml.gz, parsed and validated against the updater's document type that it carries. */
	private static Document database(Path site) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setValidating(true);
		DocumentBuilder builder = factory.newDocumentBuilder();
		builder.setErrorHandler(new ErrorHandler() {
			@Override
			public void warning(SAXParseException e) {}

			@Override
			public void error(SAXParseException e) throws SAXParseException {
				throw e;
			}

			@Override
			public void fatalError(SAXParseException e) throws SAXParseException {
				throw e;
			}
		});
		try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
			return builder.parse(in);
		}
	}

	private static Element record(Document db, String filename) {
		NodeList plugins = db.getElementsByTagName("plugin");
		for (int i = 0; i < plugins.getLength(); i++) {
			if (((Element) plugins.item(i)).getAttribute("filename").equals(filename)) return (Element) plugins.item(i);
		}
		throw new AssertionError("no record of " + filename);
	}

	@Test
	void aNewReleaseKeepsThePublishedVersionsSoInstalledFilesAreOutOfDateNotModified() throws Exception {
		Path one = dir.resolve("one");
		jar(one.resolve("plugins/LIIF_Upscale-1.0.jar"), Map.of("A.class", "first"));
		jar(one.resolve("jars/api-0.36.0.jar"), Map.of("ai/djl/A.class", "a"));
		jar(one.resolve("jars/pickle-1.5.jar"), Map.of("net/P.class", "p"));
		Path site1 = dir.resolve("site1");
		FijiBundle.updateSite(one, site1, "20261201000000", "LIIF", null);
		Path two = dir.resolve("two");
		jar(two.resolve("plugins/LIIF_Upscale-1.1.jar"), Map.of("A.class", "second"));
		Files.createDirectories(two.resolve("jars"));
		Files.copy(one.resolve("jars/api-0.36.0.jar"), two.resolve("jars/api-0.36.0.jar"));
		Path site2 = dir.resolve("site2");
		FijiBundle.updateSite(two, site2, "20261208000000", "LIIF", site1.resolve("db.xml.gz"));
		Document db = database(site2);
		Element plugin = record(db, "plugins/LIIF_Upscale-1.1.jar");
		Element previous = (Element) plugin.getElementsByTagName("previous-version").item(0);
		assertEquals(FijiBundle.checksum("plugins/LIIF_Upscale-1.0.jar", one.resolve("plugins/LIIF_Upscale-1.0.jar")), previous
			.getAttribute("checksum"));
		assertEquals("20261201000000", previous.getAttribute("timestamp"));
		assertEquals("20261208000000", previous.getAttribute("timestamp-obsolete"));
		assertEquals("plugins/LIIF_Upscale-1.0.jar", previous.getAttribute("filename"));
		Element api = record(db, "jars/api-0.36.0.jar");
		assertEquals("20261201000000", ((Element) api.getElementsByTagName("version").item(0)).getAttribute("timestamp"),
			"an unchanged file keeps its published name");
		assertEquals(0, api.getElementsByTagName("previous-version").getLength());
		assertTrue(Files.exists(site2.resolve("jars/api-0.36.0.jar-20261201000000")));
		Element pickle = record(db, "jars/pickle-1.5.jar");
		assertEquals(0, pickle.getElementsByTagName("version").getLength(), "no longer shipped: the updater removes it");
		assertEquals("20261208000000", ((Element) pickle.getElementsByTagName("previous-version").item(0)).getAttribute(
			"timestamp-obsolete"));
		// a third release carries both earlier versions of the plugin
		Path three = dir.resolve("three");
		jar(three.resolve("plugins/LIIF_Upscale-1.2.jar"), Map.of("A.class", "third"));
		Path site3 = dir.resolve("site3");
		FijiBundle.updateSite(three, site3, "20261215000000", "LIIF", site2.resolve("db.xml.gz"));
		assertEquals(2, record(database(site3), "plugins/LIIF_Upscale-1.2.jar").getElementsByTagName("previous-version")
			.getLength());
	}

	@Test
	void theZipUnpacksIntoFijiAppAsTheFolder() throws Exception {
		Path folder = fakeBundle();
		Path zip = dir.resolve("out/LIIF_Upscale-1.0-fiji.zip");
		FijiBundle.zip(folder, zip);
		Map<String, byte[]> entries = new TreeMap<>();
		try (ZipFile z = new ZipFile(zip.toFile())) {
			for (ZipEntry e : z.stream().toList()) entries.put(e.getName(), z.getInputStream(e).readAllBytes());
		}
		assertEquals(FijiBundle.files(folder), List.copyOf(entries.keySet()));
		for (var e : entries.entrySet()) assertArrayEquals(Files.readAllBytes(folder.resolve(e.getKey())), e.getValue());
	}

	/** os.name and os.arch as Java reports them on each of Fiji's platforms that the bundle serves. */
	private static final Map<String, String[]> SYSTEMS = Map.of("linux64", new String[]{ "Linux", "amd64" }, "linux-arm64",
		new String[]{ "Linux", "aarch64" }, "macos-arm64", new String[]{ "Mac OS X", "aarch64" }, "win64", new String[]{
			"Windows 11", "amd64" });

	@Test
	void eachPlatformFolderOfTheBundleProfileHoldsTheLibtorchDjlPicksThere() throws Exception {
		// the bundle profile's natives: classifier -> Fiji platform folder
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
		Map<String, String> folders = new TreeMap<>();
		NodeList items = pom.getElementsByTagName("artifactItem");
		for (int i = 0; i < items.getLength(); i++) {
			Element item = (Element) items.item(i);
			if (!text(item, "artifactId").equals("pytorch-native-cpu")) continue;
			String out = text(item, "outputDirectory");
			folders.put(text(item, "classifier"), out.substring(out.lastIndexOf('/') + 1));
			assertTrue(out.endsWith("/jars/" + folders.get(text(item, "classifier"))), out);
		}
		assertEquals(SYSTEMS.keySet(), Set.copyOf(folders.values()), "one libtorch for each platform served");
		// each classifier's jar as a small stand-in: DJL reads only native/lib/pytorch.properties to choose
		List<Path> natives = new ArrayList<>();
		for (var f : folders.entrySet()) {
			natives.add(jar(dir.resolve("jars/" + f.getValue() + "/pytorch-native-cpu-2.7.1-" + f.getKey() + ".jar"), Map.of(
				"native/lib/pytorch.properties", "version=2.7.1-20250812\nflavor=cpu\nclassifier=" + f.getKey()
					+ "\nlibraries=libtorch\n")));
		}
		List<String> rest = new ArrayList<>(List.of(Path.of("target", "test-classes").toAbsolutePath().toString()));
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!entry.contains("pytorch-native-cpu")) rest.add(entry);
		}
		for (var f : folders.entrySet()) {
			String[] system = SYSTEMS.get(f.getValue());
			// every platform's jar on the class path (as Fiji's launcher adds jars/*/*.jar), this platform's last
			List<String> classpath = new ArrayList<>();
			natives.stream().filter(n -> !n.toString().contains("/" + f.getValue() + "/")).forEach(n -> classpath.add(n
				.toString()));
			natives.stream().filter(n -> n.toString().contains("/" + f.getValue() + "/")).forEach(n -> classpath.add(n
				.toString()));
			classpath.addAll(rest);
			Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dos.name="
				+ system[0], "-Dos.arch=" + system[1], "-cp", String.join(File.pathSeparator, classpath), NativeChoice.class
					.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			p.getInputStream().transferTo(out);
			assertTrue(p.waitFor(60, TimeUnit.SECONDS));
			assertEquals(f.getKey(), out.toString(StandardCharsets.UTF_8).trim(), "on " + f.getValue());
		}
	}

	private static String text(Element parent, String tag) {
		NodeList nodes = parent.getElementsByTagName(tag);
		return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
	}
}
