package io.github.liif.io;

import java.io.IOException;

/** Where a Zarr array keeps its metadata and chunks: keys like "0/.zarray" or "0/0/3/5" to bytes. */
public interface ChunkStore {

	/** Stores a value so that readers see all of it or none of it. */
	void put(String key, byte[] value) throws IOException;

	/** The value, or null when the key is absent. */
	byte[] get(String key) throws IOException;

	boolean exists(String key) throws IOException;
}
