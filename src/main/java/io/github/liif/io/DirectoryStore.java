package io.github.liif.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A chunk store in a local folder: each key a file, written atomically. */
public final class DirectoryStore implements ChunkStore {

	private final Path root;

	public DirectoryStore(Path root) {
		this.root = root;
	}

	private Path file(String key) {
		return root.resolve(key);
	}

	@Override
	public void put(String key, byte[] value) throws IOException {
		Path target = file(key);
		Files.createDirectories(target.getParent());
		AtomicFiles.write(target, true, value);
	}

	@Override
	public byte[] get(String key) throws IOException {
		try {
			return Files.readAllBytes(file(key));
		}
		catch (NoSuchFileException e) {
			return null;
		}
	}

	@Override
	public boolean exists(String key) {
		return Files.isRegularFile(file(key));
	}
}
