package io.github.liif.spark;

import io.github.liif.io.ChunkStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A Zarr chunk store on any Hadoop file system; each key written to a temporary name and renamed. */
final class HadoopStore implements ChunkStore {

	private final Path root;
	private final FileSystem fs;

	HadoopStore(String root, Configuration conf) throws IOException {
		this.root = new Path(root);
		this.fs = HadoopPaths.fileSystem(this.root, conf);
	}

	@Override
	public void put(String key, byte[] value) throws IOException {
		Path target = new Path(root, key);
		Path part = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".part");
		try {
			try (OutputStream out = fs.create(part, true)) {
				out.write(value);
			}
			fs.delete(target, false);
			if (!fs.rename(part, target)) throw new IOException("could not rename " + part + " to " + target);
		}
		finally {
			fs.delete(part, false);
		}
	}

	@Override
	public byte[] get(String key) throws IOException {
		Path p = new Path(root, key);
		if (!fs.exists(p)) return null;
		try (InputStream in = fs.open(p)) {
			return in.readAllBytes();
		}
	}

	@Override
	public boolean exists(String key) throws IOException {
		return fs.exists(new Path(root, key));
	}
}
