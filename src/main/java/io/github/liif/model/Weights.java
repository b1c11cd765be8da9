package io.github.liif.model;

import java.util.Arrays;

/**
 * One named parameter of a network: a dense float32 array in row-major (C) order with its
 * shape. Immutable by convention: the array is never modified after construction.
 */
public final class Weights {

	private final long[] shape;
	private final float[] data;

	public Weights(long[] shape, float[] data) {
		long n = numel(shape);
		if (n != data.length) {
			throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values but " + data.length
				+ " were given");
		}
		this.shape = shape.clone();
		this.data = data;
	}

	public static long numel(long[] shape) {
		long n = 1;
		for (long d : shape) {
			if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
			n = Math.multiplyExact(n, d);
		}
		return n;
	}

	public long[] shape() {
		return shape.clone();
	}

	/** The values in row-major order; callers must not modify them. */
	public float[] data() {
		return data;
	}

	public boolean hasShape(long... expected) {
		return Arrays.equals(shape, expected);
	}

	@Override
	public String toString() {
		return Arrays.toString(shape);
	}
}
