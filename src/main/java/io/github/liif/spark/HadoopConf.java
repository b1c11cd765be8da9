package io.github.liif.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration shipped to the executors, so that what the job was given
 * ({@code spark.hadoop.*}: file system implementations, S3 credentials, ...) holds there too;
 * a fresh Configuration on an executor would know only the cluster's defaults.
 */
record HadoopConf(byte[] bytes) implements Serializable {

	static HadoopConf of(Configuration conf) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			conf.write(new DataOutputStream(out));
			return new HadoopConf(out.toByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Configuration get() {
		try {
			Configuration conf = new Configuration(false);
			conf.readFields(new DataInputStream(new ByteArrayInputStream(bytes)));
			return conf;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
