package io.github.liif.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.scijava.util.FileUtils;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The build's last step under {@code mvn package -Pbundle} (run by exec-maven-plugin on the test class path, so
 * users' plugin jar does not carry it): turns a folder laid out like {@code Fiji.app} (plugins/, jars/,
 * jars/&lt;platform&gt;/) into the zip to unpack into Fiji.app and into an ImageJ update site: each file as
 * {@code PATH-TIMESTAMP} and {@code db.xml.gz} listing them, in the format of imagej-updater's XMLFileWriter and with
 * the checksums of its UpdaterUtil.getDigest (read at imagej/imagej-updater@ea5f12e, November 2025).
 */
public final class FijiBundle {

	/** The platform folders of jars/ that the updater knows (imagej-updater's util.Platforms). */
	static final Set<String> PLATFORMS = Set.of("linux32", "linux64", "linux-arm64", "macosx", "macos64", "macos-arm64", "win32",
		"win64", "win-arm64");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

	private FijiBundle() {}

	/**
	 * Arguments: the Fiji.app-like folder, the zip to write, the update-site folder to write, the plugin's description,
	 * and the db.xml.gz of the site as published (empty for a first release).
	 */
	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args[0]);
		zip(folder, Path.of(args[1]));
		updateSite(folder, Path.of(args[2]), STAMP.format(Instant.now()), args[3], args.length > 4 && args[4] != null && !args[4]
			.isBlank() ? Path.of(args[4]) : null);
	}

	/** The folder's files as '/'-separated relative paths, sorted. */
	static List<String> files(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted()
				.toList();
		}
	}

	/** Writes every file of the folder into a zip, paths relative to the folder (so it unpacks into Fiji.app). */
	static void zip(Path folder, Path zip) throws IOException {
		Files.createDirectories(zip.toAbsolutePath().getParent());
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			// the jars are compressed already: the fastest level costs least and loses nothing
			out.setLevel(Deflater.BEST_SPEED);
			for (String path : files(folder)) {
				ZipEntry entry = new ZipEntry(path);
				entry.setLastModifiedTime(Files.getLastModifiedTime(folder.resolve(path)));
				out.putNextEntry(entry);
				Files.copy(folder.resolve(path), out);
				out.closeEntry();
			}
		}
	}

	/**
	 * Writes the update site: {@code PATH-TIMESTAMP} for each file and {@code db.xml.gz}. Files under
	 * jars/&lt;platform&gt;/ are marked for that platform only; the plugins/ jar depends on the jars/ jars. With the
	 * db.xml.gz of the site as published ({@code published}, or null for a first release), each file's earlier
	 * versions are kept as previous versions (so the updater sees installed files as out of date, not as locally
	 * modified), an unchanged file keeps its timestamp, and a file no longer shipped stays listed without a current
	 * version (so the updater offers to remove it); the new folder's files go beside the published ones.
	 */
	static void updateSite(Path folder, Path site, String timestamp, String description, Path published) throws IOException {
		Map<String, Element> before = published(published);
		List<String> paths = files(folder);
		List<String> libraries = paths.stream().filter(p -> p.startsWith("jars/") && p.indexOf('/', 5) < 0).toList();
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(DTD).append(
			"<pluginRecords>\n");
		for (String path : paths) {
			Path file = folder.resolve(path);
			String checksum = checksum(path, file);
			Element old = before.remove(FileUtils.stripFilenameVersion(path));
			Element oldVersion = old == null ? null : child(old, "version");
			boolean unchanged = oldVersion != null && oldVersion.getAttribute("checksum").equals(checksum) && old.getAttribute(
				"filename").equals(path);
			String stamp = unchanged ? oldVersion.getAttribute("timestamp") : timestamp;
			Path copy = site.resolve(path + "-" + stamp);
			Files.createDirectories(copy.getParent());
			Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
			xml.append("  <plugin filename=\"").append(escape(path)).append("\">\n");
			String platform = platform(path);
			if (platform != null) xml.append("    <platform>").append(platform).append("</platform>\n");
			xml.append("    <version checksum=\"").append(checksum).append("\" timestamp=\"").append(stamp).append(
				"\" filesize=\"").append(Files.size(file)).append("\">\n");
			if (path.startsWith("plugins/")) {
				if (description != null) xml.append("      <description>").append(escape(description)).append("</description>\n");
				for (String library : libraries) {
					xml.append("      <dependency filename=\"").append(escape(library)).append("\" timestamp=\"").append(
						timestamp).append("\"/>\n");
				}
			}
			xml.append("    </version>\n");
			if (old != null) previous(xml, old, unchanged ? null : timestamp);
			xml.append("  </plugin>\n");
		}
		for (Element gone : before.values()) {
			xml.append("  <plugin filename=\"").append(escape(gone.getAttribute("filename"))).append("\">\n");
			previous(xml, gone, timestamp);
			xml.append("  </plugin>\n");
		}
		xml.append("</pluginRecords>\n");
		Files.createDirectories(site);
		try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(site.resolve("db.xml.gz"))),
			StandardCharsets.UTF_8))
		{
			out.write(xml.toString());
		}
	}

	/** The records of a published db.xml.gz by file name without version (the updater's key); none for null. */
	private static Map<String, Element> published(Path db) throws IOException {
		Map<String, Element> records = new LinkedHashMap<>();
		if (db == null) return records;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(db))) {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			// the document type is inline: nothing to fetch
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			NodeList plugins = factory.newDocumentBuilder().parse(in).getElementsByTagName("plugin");
			for (int i = 0; i < plugins.getLength(); i++) {
				Element plugin = (Element) plugins.item(i);
				records.put(FileUtils.stripFilenameVersion(plugin.getAttribute("filename")), plugin);
			}
		}
		catch (ParserConfigurationException | SAXException e) {
			throw new IOException("not an update site's db.xml.gz: " + db, e);
		}
		return records;
	}

	/** A published record's versions as previous versions: its current one made obsolete at {@code now} (unless null). */
	private static void previous(StringBuilder xml, Element old, String now) {
		Element current = child(old, "version");
		if (current != null && now != null) {
			xml.append("    <previous-version timestamp=\"").append(current.getAttribute("timestamp")).append(
				"\" timestamp-obsolete=\"").append(now).append("\" checksum=\"").append(current.getAttribute("checksum")).append(
					"\" filename=\"").append(escape(old.getAttribute("filename"))).append("\"/>\n");
		}
		NodeList earlier = old.getElementsByTagName("previous-version");
		for (int i = 0; i < earlier.getLength(); i++) {
			Element e = (Element) earlier.item(i);
			xml.append("    <previous-version timestamp=\"").append(e.getAttribute("timestamp")).append("\"");
			if (e.hasAttribute("timestamp-obsolete"))
				xml.append(" timestamp-obsolete=\"").append(e.getAttribute("timestamp-obsolete")).append("\"");
			xml.append(" checksum=\"").append(e.getAttribute("checksum")).append("\"");
			if (e.hasAttribute("filename")) xml.append(" filename=\"").append(escape(e.getAttribute("filename"))).append("\"");
			xml.append("/>\n");
		}
	}

	private static Element child(Element parent, String tag) {
		NodeList nodes = parent.getElementsByTagName(tag);
		return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
	}

	/** The platform of a file under jars/&lt;platform&gt;/, or null for every platform. */
	static String platform(String path) {
		String[] parts = path.split("/");
		return parts.length == 3 && parts[0].equals("jars") && PLATFORMS.contains(parts[1]) ? parts[1] : null;
	}

	/**
	 * The updater's checksum (SHA-1, hex). A jar: its entries sorted by name, each name then its bytes, where a
	 * manifest counts as empty and a .properties entry loses its comment lines (so a rebuild of the same classes
	 * keeps the checksum). Any other file: its path then its bytes.
	 */
	static String checksum(String path, Path file) throws IOException {
		MessageDigest sha1 = sha1();
		if (!path.endsWith(".jar")) {
			sha1.update(path.getBytes(StandardCharsets.US_ASCII));
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha1)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(sha1.digest());
		}
		try (ZipFile jar = new ZipFile(file.toFile())) {
			List<ZipEntry> entries = new ArrayList<>(jar.stream().toList());
			entries.sort(Comparator.comparing(ZipEntry::getName));
			for (ZipEntry entry : entries) {
				sha1.update(entry.getName().getBytes(StandardCharsets.US_ASCII));
				// the updater keeps only a manifest's Main-Class line, but matches it upper-cased against a
				// mixed-case prefix: no line is kept
				if (entry.getName().equals("META-INF/MANIFEST.MF")) continue;
				try (InputStream in = jar.getInputStream(entry)) {
					byte[] bytes = in.readAllBytes();
					sha1.update(entry.getName().endsWith(".properties") ? withoutComments(bytes) : bytes);
				}
			}
		}
		return HexFormat.of().formatHex(sha1.digest());
	}

	/**
	 * A .properties entry as the updater reads it: a line starting with '#' leaves only its line end. As there, a
	 * line counts as starting only after a line end read inside a line: after an empty line, or after a comment
	 * line that was only '#' characters, a '#' line is kept.
	 */
	static byte[] withoutComments(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		boolean lineStart = true;
		int i = 0;
		while (i < in.length) {
			byte ch = in[i++];
			if (!lineStart) {
				out.write(ch);
				lineStart = ch == '\n';
				continue;
			}
			lineStart = false;
			if (ch != '#') {
				out.write(ch);
				continue;
			}
			while (i < in.length && in[i] == '#') i++;
			if (i == in.length) break;
			if (in[i] == '\n') {
				i++;
				out.write('\n');
				continue;
			}
			while (i < in.length && in[i] != '\n') i++;
			if (i == in.length) break;
			i++;
			out.write('\n');
			lineStart = true;
		}
		return out.toByteArray();
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA-1", e);
		}
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** The plugin records' part of the updater's document type (update-site entries are for local databases only). */
	static final String DTD = """
		<!DOCTYPE pluginRecords [
		<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>
		<!ELEMENT update-site EMPTY>
		<!ELEMENT disabled-update-site EMPTY>
		<!ELEMENT plugin (platform*, category*, version?, previous-version*)>
		<!ELEMENT version (description?, dependency*, link*, author*)>
		<!ELEMENT previous-version EMPTY>
		<!ELEMENT description (#PCDATA)>
		<!ELEMENT dependency EMPTY>
		<!ELEMENT link (#PCDATA)>
		<!ELEMENT author (#PCDATA)>
		<!ELEMENT platform (#PCDATA)>
		<!ELEMENT category (#PCDATA)>
		<!ATTLIST plugin update-site CDATA #IMPLIED>
		<!ATTLIST plugin filename CDATA #REQUIRED>
		<!ATTLIST plugin executable CDATA #IMPLIED>
		<!ATTLIST dependency filename CDATA #REQUIRED>
		<!ATTLIST dependency timestamp CDATA #IMPLIED>
		<!ATTLIST dependency overrides CDATA #IMPLIED>
		<!ATTLIST version timestamp CDATA #REQUIRED>
		<!ATTLIST version checksum CDATA #REQUIRED>
		<!ATTLIST version filesize CDATA #REQUIRED>
		<!ATTLIST previous-version filename CDATA #IMPLIED>
		<!ATTLIST previous-version timestamp CDATA #REQUIRED>
		<!ATTLIST previous-version timestamp-obsolete CDATA #IMPLIED>
		<!ATTLIST previous-version checksum CDATA #REQUIRED>]>
		""";
}
