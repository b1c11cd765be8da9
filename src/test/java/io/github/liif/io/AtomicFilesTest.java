package io.github.liif.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

	@TempDir
	Path dir;

	@Test
	void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
		Path target = dir.resolve("model.liif.ckpt");
		Files.write(target, new byte[] { 1, 2, 3 });
		assertThrows(IOException.class, () -> AtomicFiles.write(target, true, out -> {
			out.write(new byte[1000]);
			throw new IOException("disk full");
		}));
		assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(target));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(1, files.count());
		}
	}

	@Test
	void existingFilesAreKeptUnlessOverwriteIsAsked() throws Exception {
		Path target = dir.resolve("out.png");
		Files.write(target, new byte[] { 9 });
		assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> AtomicFiles.write(target, false, new byte[] { 1 }));
		AtomicFiles.write(target, true, new byte[] { 1 });
		assertArrayEquals(new byte[] { 1 }, Files.readAllBytes(target));
	}
}
