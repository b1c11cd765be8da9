package io.github.liif.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicFilesTest {

	@TempDir
	Path dir;

	@Test
	void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
		Path target = dir.resolve("model.liif.ckpt");
		Files.write(target, new byte[]{ 1, 2, 3 });
		assertThrows(IOException.class, () -> AtomicFiles.write(target, true, out -> {
			out.write(new byte[1000]);
			throw new IOException("disk full");
		}));
		assertArrayEquals(new byte[]{ 1, 2, 3 }, Files.readAllBytes(target));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(1, files.count());
		}
	}

	@Test
	void existingFilesAreKeptUnlessOverwriteIsAsked() throws Exception {
		Path target = dir.resolve("out.png");
		Files.write(target, new byte[]{ 9 });
		assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.write(target, false, new byte[]{ 1 }));
		AtomicFiles.write(target, true, new byte[]{ 1 });
		assertArrayEquals(new byte[]{ 1 }, Files.readAllBytes(target));
	}

	@Test
	void leftoversOfAKilledWriterAreRemovedAndNothingElse() throws Exception {
		// a name with glob characters in it
		Path odd = dir.resolve("run[1]{a}.liif");
		Files.write(dir.resolve("." + odd.getFileName() + ".42.part"), new byte[3]);
		assertEquals(1, AtomicFiles.removeLeftovers(odd));
		Path target = dir.resolve("m.liif.ckpt");
		Files.write(target, new byte[]{ 7 });
		Files.write(dir.resolve(".m.liif.ckpt.4711.part"), new byte[10]);
		Files.write(dir.resolve(".m.liif.ckpt.99.part"), new byte[10]);
		Files.write(dir.resolve(".other.liif.ckpt.1.part"), new byte[10]);
		Files.write(dir.resolve("m.liif.ckpt.part"), new byte[10]);
		Files.write(dir.resolve(".m.liif.ckpt.old.7.part"), new byte[10]);
		assertEquals(2, AtomicFiles.removeLeftovers(target));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(Set.of("m.liif.ckpt", ".other.liif.ckpt.1.part", "m.liif.ckpt.part", ".m.liif.ckpt.old.7.part"), files
				.map(f -> f.getFileName().toString()).collect(Collectors.toSet()));
		}
		assertArrayEquals(new byte[]{ 7 }, Files.readAllBytes(target));
	}

	@ParameterizedTest(name = "hard links {0}")
	@ValueSource(booleans = { true, false })
	void aFileAnotherRunCreatesMeanwhileIsLeftAsItIsUnlessOverwriting(boolean hardLinks) throws Exception {
		Path target = dir.resolve("r.tif");
		AtomicFiles.Writer slowRun = out -> {
			if (!Files.exists(target)) Files.writeString(target, "B");
			out.write('A');
		};
		WriteFailedException e = assertThrows(WriteFailedException.class, () -> AtomicFiles.write(target, false, slowRun,
			hardLinks));
		assertTrue(e.getMessage().startsWith(target + " was created by another run while this one worked; it is left as it is"), e
			.getMessage());
		assertEquals("B", Files.readString(target));
		assertEquals(List.of("r.tif"), names());
		AtomicFiles.write(target, true, slowRun, hardLinks);
		assertEquals("A", Files.readString(target));
		assertEquals(List.of("r.tif"), names());
	}

	@Test
	void staleTemporariesOfGoneRunsAreRemovedAndThoseOfLiveRunsKept() throws Exception {
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor();
		String self = AtomicFiles.HOST + "@" + ProcessHandle.current().pid();
		String gone = AtomicFiles.HOST + "@" + ended.pid();
		FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
		Files.write(dir.resolve(".out.png." + gone + ".17.part"), new byte[3]);
		Files.write(dir.resolve(".out.png." + self + ".18.part"), new byte[3]);
		Files.write(dir.resolve(".out.png.other-host@1.19.part"), new byte[3]);
		Files.setLastModifiedTime(Files.write(dir.resolve(".out.png.old-host@1.20.part"), new byte[3]), twoDaysAgo);
		Files.write(dir.resolve(".out.png.21.part"), new byte[3]);
		Files.setLastModifiedTime(Files.write(dir.resolve(".out.png.22.part"), new byte[3]), twoDaysAgo);
		// a live run of this host keeps its temporary even when it has not written for days
		Files.setLastModifiedTime(Files.write(dir.resolve(".out.png." + self + ".23.part"), new byte[3]), twoDaysAgo);
		Files.setLastModifiedTime(Files.write(dir.resolve(".notes.txt.old-host@1.24.part"), new byte[3]), twoDaysAgo);
		AtomicFiles.write(dir.resolve("out.png"), false, new byte[]{ 1 });
		assertEquals(Set.of(".notes.txt.old-host@1.24.part", ".out.png." + self + ".18.part", ".out.png." + self + ".23.part",
			".out.png.21.part", ".out.png.other-host@1.19.part", "out.png"), Set.copyOf(names()));
	}

	@Test
	void failuresNameTheUsersPathAndTheReasonNeverATemporaryFile() throws Exception {
		Path missing = dir.resolve("no-such-folder").resolve("out.png");
		WriteFailedException e = assertThrows(WriteFailedException.class, () -> AtomicFiles.write(missing, false, new byte[]{
			1 }));
		assertEquals("cannot write to " + missing.getParent() + ": no such folder", e.getMessage());
		AtomicFiles.Writer diskFull = out -> {
			out.write(1);
			throw new IOException("No space left on device");
		};
		Path target = dir.resolve("out.png");
		e = assertThrows(WriteFailedException.class, () -> AtomicFiles.write(target, false, diskFull));
		assertEquals("cannot write " + target + ": No space left on device", e.getMessage());
		Path file = Files.writeString(dir.resolve("file.txt"), "x");
		IOException early = assertThrows(IOException.class, () -> AtomicFiles.checkWritableFolder(file.resolve("new")));
		assertEquals("cannot write to " + file.resolve("new") + ": " + file + " is a file, not a folder", early.getMessage());
		AtomicFiles.checkWritableFolder(dir.resolve("new").resolve("sub"));
		assertEquals(List.of("file.txt"), names());
	}

	private List<String> names() throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(f -> f.getFileName().toString()).sorted().toList();
		}
	}
}
