package io.github.liif.spark;

import io.github.liif.imagej.ImageFiles;
import io.github.liif.io.WriteFailedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files on any Hadoop file system (local, NFS mounts, HDFS, S3A, ...): globbing, and moving
 * images between it and the local disk the imaging code works on. Local paths are used in
 * place.
 */
final class HadoopPaths {

	private HadoopPaths() {}

	static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
		FileSystem fs = path.getFileSystem(conf);
		// the checksummed local file system leaves .crc files beside every output
		return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
	}

	static boolean isLocal(String uri) {
		String scheme = new Path(uri).toUri().getScheme();
		return scheme == null || scheme.equals("file");
	}

	static java.nio.file.Path localPath(String uri) {
		return isLocal(uri) ? java.nio.file.Path.of(new Path(uri).toUri().getPath()) : null;
	}

	/** Images named by the inputs: files as given, folders by their supported images, globs expanded. Sorted. */
	static List<String> expand(List<String> inputs, Configuration conf) throws IOException {
		List<String> files = new ArrayList<>();
		for (String input : inputs) {
			Path p = new Path(input);
			FileSystem fs = fileSystem(p, conf);
			FileStatus[] matches = fs.globStatus(p);
			if (matches == null || matches.length == 0) throw new IOException(input + ": no such file or folder");
			for (FileStatus m : matches) {
				FileStatus[] entries = m.isDirectory() ? fs.listStatus(m.getPath()) : new FileStatus[]{ m };
				for (FileStatus f : entries) {
					String name = f.getPath().getName();
					if (f.isFile() && !name.startsWith(".") && ImageFiles.isSupported(java.nio.file.Path.of(name))) {
						files.add(f.getPath().toString());
					}
				}
			}
		}
		files.sort(null);
		return files;
	}

	static boolean exists(String uri, Configuration conf) throws IOException {
		Path p = new Path(uri);
		return fileSystem(p, conf).exists(p);
	}

	/** A local copy of a remote file in {@code dir} (the local file itself when local). */
	static java.nio.file.Path stageIn(String uri, java.nio.file.Path dir, Configuration conf) throws IOException {
		if (isLocal(uri)) return localPath(uri);
		Path p = new Path(uri);
		java.nio.file.Path local = dir.resolve(p.getName());
		fileSystem(p, conf).copyToLocalFile(false, p, new Path(local.toUri()), true);
		return local;
	}

	/** Uploads a finished local file under a hidden temporary name, then renames it into place. */
	static void publish(java.nio.file.Path local, String uri, boolean overwrite, Configuration conf) throws IOException {
		Path target = new Path(uri);
		FileSystem fs = fileSystem(target, conf);
		Path part = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".part");
		try {
			fs.copyFromLocalFile(false, true, new Path(local.toUri()), part);
			if (overwrite) fs.delete(target, false);
			// HDFS refuses to rename onto an existing name; a local file system would replace it
			boolean taken = !overwrite && fs.exists(target);
			if (taken || !fs.rename(part, target)) {
				if (taken || fs.exists(target)) {
					throw new WriteFailedException(uri + " was created by another run while this task worked; it is left as "
						+ "it is: choose another output or allow overwriting", null);
				}
				throw new WriteFailedException("cannot write " + uri + ": the file system refused to rename " + part, null);
			}
		}
		finally {
			fs.delete(part, false);
		}
	}
}
