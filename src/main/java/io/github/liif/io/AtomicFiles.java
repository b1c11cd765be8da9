package io.github.liif.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a reader never sees a half-written one: into a temporary file beside the
 * target, then renamed over it. On any failure the temporary file is removed and the target
 * is untouched.
 */
public final class AtomicFiles {

	/** Writes the content to a stream. */
	@FunctionalInterface
	public interface Writer {

		void write(OutputStream out) throws IOException;
	}

	private AtomicFiles() {}

	public static void write(Path target, boolean overwrite, Writer writer) throws IOException {
		Path absolute = target.toAbsolutePath();
		if (!overwrite && Files.exists(absolute)) {
			throw new FileAlreadyExistsException(absolute.toString(), null, "exists; choose another name or allow overwriting");
		}
		Path dir = absolute.getParent();
		Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
		try {
			try (OutputStream out = Files.newOutputStream(temp)) {
				writer.write(out);
			}
			// temporary files are private (0600); the result gets the usual rw-r--r--
			if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
			}
			Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException | RuntimeException | Error e) {
			Files.deleteIfExists(temp);
			throw e;
		}
	}

	/**
	 * Removes temporary files of {@code target} that a killed writer (kill -9, power loss) left
	 * behind. Only for callers that own the target, such as a training run and its checkpoint:
	 * another process writing the same target at this moment would lose its temporary file.
	 *
	 * @return how many were removed
	 */
	public static int removeLeftovers(Path target) throws IOException {
		Path absolute = target.toAbsolutePath();
		String prefix = "." + absolute.getFileName() + ".";
		int removed = 0;
		// exactly the names write() makes (prefix, the JDK's random digits, .part); a filter, not a
		// glob, since file names may hold glob characters such as [ ] { }
		try (DirectoryStream<Path> parts = Files.newDirectoryStream(absolute.getParent(), p -> {
			String name = p.getFileName().toString();
			return name.startsWith(prefix) && name.endsWith(".part") && name.length() > prefix.length() + 5 && name.substring(
				prefix.length(), name.length() - 5).chars().allMatch(Character::isDigit);
		})) {
			for (Path part : parts) {
				if (Files.deleteIfExists(part)) removed++;
			}
		}
		return removed;
	}

	public static void write(Path target, boolean overwrite, byte[] content) throws IOException {
		write(target, overwrite, out -> out.write(content));
	}
}
