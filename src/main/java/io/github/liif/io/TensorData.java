package io.github.liif.io;

import io.github.liif.model.ModelFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Decodes raw little/big-endian numeric buffers of the dtypes weight files use into float32. */
final class TensorData {

	private TensorData() {}

	/** Bytes per element of a dtype code (numpy letter+size style: f4, f8, f2, bf2, i8, i4, i2, u1, i1). */
	static int elementSize(String code) throws ModelFormatException {
		return switch (code) {
			case "f4", "i4" -> 4;
			case "f8", "i8" -> 8;
			case "f2", "bf2", "i2" -> 2;
			case "u1", "i1", "b1" -> 1;
			default -> throw new ModelFormatException("unsupported tensor data type '" + code
				+ "' (supported: float16/32/64, bfloat16, integers)");
		};
	}

	static float[] decode(byte[] bytes, int offset, long count, String code, ByteOrder order) throws ModelFormatException {
		int size = elementSize(code);
		if (count > Integer.MAX_VALUE - 8 || offset < 0 || (long) offset + count * size > bytes.length) {
			throw new ModelFormatException("tensor data is truncated: needs " + count * size + " bytes at offset " + offset
				+ ", the file has " + bytes.length);
		}
		ByteBuffer b = ByteBuffer.wrap(bytes, offset, (int) (count * size)).order(order);
		float[] out = new float[(int) count];
		for (int i = 0; i < out.length; i++) {
			out[i] = switch (code) {
				case "f4" -> b.getFloat();
				case "f8" -> (float) b.getDouble();
				case "f2" -> halfToFloat(b.getShort());
				case "bf2" -> Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
				case "i8" -> b.getLong();
				case "i4" -> b.getInt();
				case "i2" -> b.getShort();
				case "i1" -> b.get();
				default -> b.get() & 0xff;
			};
		}
		return out;
	}

	/** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
	static float halfToFloat(short half) {
		int h = half & 0xffff;
		int sign = (h >>> 15) << 31;
		int exp = (h >>> 10) & 0x1f;
		int mant = h & 0x3ff;
		if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
		if (exp != 0) return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
		float magnitude = mant * 0x1p-24f;
		return sign != 0 ? -magnitude : magnitude;
	}
}
