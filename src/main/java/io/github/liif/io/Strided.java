package io.github.liif.io;

/** Copies a strided view of a flat buffer into a dense row-major array. */
final class Strided {

	private Strided() {}

	static long[] columnMajorStrides(long[] shape) {
		long[] strides = new long[shape.length];
		long s = 1;
		for (int i = 0; i < shape.length; i++) {
			strides[i] = s;
			s *= shape[i];
		}
		return strides;
	}

	/** Element (i0, i1, ...) of the result is {@code source[offset + sum(ik * strides[k])]}. */
	static float[] toRowMajor(float[] source, long[] shape, long[] strides, long offset) {
		int n = 1;
		for (long d : shape) n = Math.multiplyExact(n, (int) d);
		float[] out = new float[n];
		int[] index = new int[shape.length];
		for (int i = 0; i < n; i++) {
			long src = offset;
			for (int k = 0; k < shape.length; k++) src += index[k] * strides[k];
			out[i] = source[(int) src];
			for (int k = shape.length - 1; k >= 0; k--) {
				if (++index[k] < shape[k]) break;
				index[k] = 0;
			}
		}
		return out;
	}
}
