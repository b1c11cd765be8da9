package io.github.liif.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader never sees a half-written one: into a temporary file beside the
 * target, then published under the target's name. On any failure the temporary file is removed
 * and the target is untouched. Without overwriting, publishing never replaces a file: one that
 * another run created while this one worked is left as it is and the write fails; with
 * overwriting the last writer wins, whole.
 * <p>
 * Temporary files are named {@code .NAME.HOST@PID.N.part}, so that later writes of the same
 * target can remove those of runs that are gone ({@link #removeStale}).
 */
public final class AtomicFiles {

	/** Writes the content to a stream. */
	@FunctionalInterface
	public interface Writer {

		void write(OutputStream out) throws IOException;
	}

	/** A temporary file untouched this long belongs to no live run, whichever host made it. */
	static final Duration STALE_AGE = Duration.ofDays(1);
	/** Publishing under a lock takes milliseconds; a lock this old was left by a killed run. */
	private static final Duration STALE_LOCK = Duration.ofMinutes(1);
	/** This host's name as temporary file names hold it. */
	static final String HOST = host();
	private static final long PID = ProcessHandle.current().pid();
	/** What follows {@code .NAME.}: HOST@PID.N (this version) or N (earlier versions). */
	private static final Pattern OWNED = Pattern.compile("([A-Za-z0-9-]+)@(\\d+)\\.\\d+");
	private static final Pattern UNOWNED = Pattern.compile("\\d+");

	private AtomicFiles() {}

	public static void write(Path target, boolean overwrite, Writer writer) throws IOException {
		write(target, overwrite, writer, true);
	}

	/** @param hardLinks publish new files by a hard link (false: under a lock file, as where links are missing) */
	static void write(Path target, boolean overwrite, Writer writer, boolean hardLinks) throws IOException {
		Path absolute = target.toAbsolutePath();
		if (!overwrite && Files.exists(absolute)) {
			throw new FileAlreadyExistsException(absolute.toString(), null, "exists; choose another name or allow overwriting");
		}
		removeStale(absolute);
		Path temp = temporary(absolute);
		try {
			try (OutputStream out = Files.newOutputStream(temp)) {
				writer.write(out);
			}
			// temporary files are private (0600); the result gets the usual rw-r--r--
			if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
			}
			if (overwrite) Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			else if (hardLinks) publishByLink(temp, absolute);
			else publishUnderLock(temp, absolute);
		}
		catch (IOException | UncheckedIOException e) {
			Files.deleteIfExists(temp);
			IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
			if (cause instanceof WriteFailedException) throw cause;
			throw new WriteFailedException("cannot write " + target + ": " + reason(cause), cause);
		}
		catch (RuntimeException | Error e) {
			Files.deleteIfExists(temp);
			throw e;
		}
	}

	public static void write(Path target, boolean overwrite, byte[] content) throws IOException {
		write(target, overwrite, out -> out.write(content));
	}

	/**
	 * A new private temporary file beside {@code target}, named so that {@link #removeStale} knows
	 * its owner; a folder that cannot take it is reported with its own path and the reason.
	 */
	public static Path temporary(Path target) throws IOException {
		Path absolute = target.toAbsolutePath();
		Path dir = absolute.getParent();
		try {
			return Files.createTempFile(dir, "." + absolute.getFileName() + "." + HOST + "@" + PID + ".", ".part");
		}
		catch (IOException e) {
			throw new WriteFailedException("cannot write to " + dir + ": " + reason(e), e);
		}
	}

	/** A hard link fails when the name exists: create-new semantics on any POSIX file system. */
	private static void publishByLink(Path temp, Path target) throws IOException {
		try {
			Files.createLink(target, temp);
		}
		catch (FileAlreadyExistsException e) {
			throw takenMeanwhile(target, e);
		}
		catch (UnsupportedOperationException | FileSystemException e) {
			// a file system without hard links (FAT, some network shares) says so with EPERM or ENOTSUP
			if (e instanceof FileSystemException f && f.getClass() != FileSystemException.class) throw f;
			publishUnderLock(temp, target);
			return;
		}
		Files.delete(temp);
	}

	/**
	 * Where hard links are missing: runs of this program take a lock made with CREATE_NEW, then
	 * check and rename ({@code ATOMIC_MOVE} replaces on POSIX, hence the lock).
	 */
	private static void publishUnderLock(Path temp, Path target) throws IOException {
		Path lock = target.resolveSibling("." + target.getFileName() + ".lock");
		try {
			Files.createFile(lock);
		}
		catch (FileAlreadyExistsException e) {
			if (!olderThan(lock, STALE_LOCK)) throw takenMeanwhile(target, e);
			Files.deleteIfExists(lock);
			Files.createFile(lock);
		}
		try {
			if (Files.exists(target)) throw takenMeanwhile(target, null);
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(lock);
		}
	}

	private static WriteFailedException takenMeanwhile(Path target, Exception cause) {
		return new WriteFailedException(target + " was created by another run while this one worked; it is left as it is: "
			+ "choose another name or allow overwriting", cause);
	}

	/**
	 * Refuses, before any work, an output folder that cannot be written: it or the nearest folder
	 * above it that exists (where it would be made) must be a writable folder.
	 */
	public static void checkWritableFolder(Path folder) throws IOException {
		Path existing = folder.toAbsolutePath().normalize();
		while (existing != null && !Files.exists(existing)) existing = existing.getParent();
		if (existing == null) return;
		if (!Files.isDirectory(existing)) {
			throw new IOException("cannot write to " + folder + ": " + existing + " is a file, not a folder");
		}
		if (!Files.isWritable(existing)) {
			boolean self = existing.equals(folder.toAbsolutePath().normalize());
			throw new IOException("cannot write to " + folder + ": permission denied" + (self ? "" : " (in " + existing + ")"));
		}
	}

	/** The reason of a failed file operation in a few words, without the temporary file's name. */
	static String reason(IOException e) {
		if (e instanceof AccessDeniedException) return "permission denied";
		if (e instanceof NoSuchFileException) return "no such folder";
		if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason().toLowerCase(Locale.ROOT);
		return e.getMessage() == null ? e.toString() : e.getMessage();
	}

	/**
	 * Removes temporary files of {@code target} that runs which are gone left behind (kill -9,
	 * power loss), never one a live run may still write: on this host those whose process has
	 * ended; any (from another host, or from earlier versions without an owner in the name) left
	 * untouched for {@link #STALE_AGE}. Every write does this first.
	 *
	 * @return how many were removed
	 */
	public static int removeStale(Path target) {
		Instant limit = Instant.now().minus(STALE_AGE);
		return remove(target, name -> {
			Matcher owned = OWNED.matcher(name);
			if (owned.matches() && owned.group(1).equals(HOST)) {
				return ProcessHandle.of(Long.parseLong(owned.group(2))).isEmpty();
			}
			return null;
		}, limit);
	}

	/**
	 * Removes every temporary file of {@code target}, of live runs too. Only for callers that own
	 * the target, such as a training run and its checkpoint: another process writing the same
	 * target at this moment would lose its temporary file.
	 *
	 * @return how many were removed
	 */
	public static int removeLeftovers(Path target) {
		return remove(target, name -> true, null);
	}

	/**
	 * @param verdict for the part between {@code .NAME.} and {@code .part}: remove, keep, or null
	 *        to decide by age
	 * @param limit files last modified before it are removed when the verdict is null
	 */
	private static int remove(Path target, Function<String, Boolean> verdict, Instant limit) {
		Path absolute = target.toAbsolutePath();
		Path dir = absolute.getParent();
		if (!Files.isDirectory(dir)) return 0;
		String prefix = "." + absolute.getFileName() + ".";
		Predicate<String> ours = middle -> OWNED.matcher(middle).matches() || UNOWNED.matcher(middle).matches();
		int removed = 0;
		// a filter, not a glob, since file names may hold glob characters such as [ ] { }
		try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, p -> {
			String name = p.getFileName().toString();
			return name.startsWith(prefix) && name.endsWith(".part") && name.length() > prefix.length() + 5 && ours.test(name
				.substring(prefix.length(), name.length() - 5));
		})) {
			for (Path part : parts) {
				String name = part.getFileName().toString();
				Boolean remove = verdict.apply(name.substring(prefix.length(), name.length() - 5));
				try {
					if (remove == null) remove = limit != null && olderThan(part, limit);
					if (remove && Files.deleteIfExists(part)) removed++;
				}
				catch (IOException e) {
					// gone meanwhile, or not ours to delete: the next one
				}
			}
		}
		catch (IOException | UncheckedIOException e) {
			// an unreadable folder: the write that follows reports it with its reason
		}
		return removed;
	}

	private static boolean olderThan(Path file, Duration age) throws IOException {
		return olderThan(file, Instant.now().minus(age));
	}

	private static boolean olderThan(Path file, Instant limit) throws IOException {
		return Files.getLastModifiedTime(file).compareTo(FileTime.from(limit)) < 0;
	}

	/** The host's name as file names may hold it: the kernel's hostname where there is one. */
	private static String host() {
		String name = null;
		try {
			Path kernel = Path.of("/proc/sys/kernel/hostname");
			if (Files.isReadable(kernel)) name = Files.readString(kernel).trim();
		}
		catch (IOException e) {
			// fall back to the environment
		}
		if (name == null || name.isEmpty()) name = System.getenv("HOSTNAME");
		if (name == null || name.isEmpty()) name = System.getenv("COMPUTERNAME");
		if (name == null || name.isEmpty()) name = "localhost";
		return name.replaceAll("[^A-Za-z0-9-]", "-");
	}
}
