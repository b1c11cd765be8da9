package io.github.liif.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.liif.io.WriteFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a task's result on a Hadoop file system whose rename replaces, as the local one does. */
class HadoopPathsTest {

	@TempDir
	Path dir;

	@Test
	void aFileAnotherJobCreatedMeanwhileIsLeftAsItIsUnlessOverwriting() throws Exception {
		Configuration conf = new Configuration();
		conf.set("fs.remote.impl", RemoteLikeFileSystem.class.getName());
		Path result = Files.writeString(Files.createDirectories(dir.resolve("scratch")).resolve("r.tif"), "this task's");
		Path out = Files.createDirectories(dir.resolve("out"));
		Files.writeString(out.resolve("r.tif"), "another job's");
		String uri = "remote://" + out.resolve("r.tif");
		WriteFailedException e = assertThrows(WriteFailedException.class, () -> HadoopPaths.publish(result, uri, false, conf));
		assertEquals(uri + " was created by another run while this task worked; it is left as it is: choose another output "
			+ "or allow overwriting", e.getMessage());
		assertEquals("another job's", Files.readString(out.resolve("r.tif")));
		HadoopPaths.publish(result, uri, true, conf);
		assertEquals("this task's", Files.readString(out.resolve("r.tif")));
		try (Stream<Path> files = Files.list(out)) {
			assertEquals(List.of(out.resolve("r.tif")), files.filter(f -> !f.getFileName().toString().endsWith(".crc")).toList(),
				"no temporary file is left");
		}
	}
}
