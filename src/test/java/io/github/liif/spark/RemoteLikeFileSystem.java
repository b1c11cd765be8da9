package io.github.liif.spark;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/** The local disk under another scheme ("remote:"), so that the jobs treat it like HDFS or S3: stage in, publish. */
public class RemoteLikeFileSystem extends RawLocalFileSystem {

	@Override
	public URI getUri() { return URI.create("remote:///"); }

	@Override
	public String getScheme() { return "remote"; }
}
