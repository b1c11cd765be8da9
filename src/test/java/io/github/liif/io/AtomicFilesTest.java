package io.github.liif.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
