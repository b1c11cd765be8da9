package io.github.liif.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Creates arrays from Java data through a per-thread staging buffer that is reused. NB: DJL's
 * create(float[]) wraps a fresh direct ByteBuffer that the JVM frees only when it next collects
 * garbage, one per array of every decoder batch. Here the staged data are copied into a tensor
 * libtorch owns (freed when closed), and the staging buffer is used again for the next array.
 */
final class StagedArrays {

	private static final ThreadLocal<ByteBuffer> STAGING = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(0));

	private StagedArrays() {}

	private static ByteBuffer staging(long bytes) {
		ByteBuffer b = STAGING.get();
		if (b.capacity() < bytes) {
			b = ByteBuffer.allocateDirect((int) Math.max(bytes, b.capacity() * 2L)).order(ByteOrder.nativeOrder());
			STAGING.set(b);
		}
		b.clear();
		b.limit((int) bytes);
		return b;
	}

	static NDArray create(NDManager manager, float[] data, Shape shape) {
		ByteBuffer b = staging(4L * data.length);
		b.asFloatBuffer().put(data);
		return copied(manager, b, shape, DataType.FLOAT32);
	}

	static NDArray create(NDManager manager, long[] data) {
		ByteBuffer b = staging(8L * data.length);
		b.asLongBuffer().put(data);
		return copied(manager, b, new Shape(data.length), DataType.INT64);
	}

	private static NDArray copied(NDManager manager, ByteBuffer staged, Shape shape, DataType type) {
		try (NDArray view = manager.create(staged, shape, type)) {
			return view.duplicate();
		}
	}
}
