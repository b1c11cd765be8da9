package io.github.liif.io;

import io.github.liif.model.ModelFormatException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads all entries of a zip archive held in memory through its central directory. NB:
 * {@code ZipInputStream} cannot read torch.save archives (stored entries with data
 * descriptors), and {@code ZipFile} needs a file; this reader needs neither.
 */
final class ZipEntries {

	private static final int END_OF_DIRECTORY = 0x06054b50;
	private static final int DIRECTORY_ENTRY = 0x02014b50;
	private static final int LOCAL_HEADER = 0x04034b50;
	private static final int ZIP64_LOCATOR = 0x07064b50;

	private ZipEntries() {}

	static boolean isZip(byte[] bytes) {
		return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
	}

	static Map<String, byte[]> read(byte[] bytes, String what) throws ModelFormatException {
		try {
			return readDirectory(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), what);
		}
		catch (IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException | NegativeArraySizeException
			| BufferUnderflowException e)
		{
			throw new ModelFormatException(what + " is damaged or truncated", e);
		}
	}

	private static Map<String, byte[]> readDirectory(ByteBuffer b, String what) throws ModelFormatException {
		int end = -1;
		for (int i = b.limit() - 22; i >= Math.max(0, b.limit() - 22 - 65535); i--) {
			if (b.getInt(i) == END_OF_DIRECTORY) {
				end = i;
				break;
			}
		}
		if (end < 0) throw new ModelFormatException(what + " is truncated (no zip directory at its end)");
		long count = b.getShort(end + 10) & 0xffff;
		long directory = b.getInt(end + 16) & 0xffffffffL;
		if (end >= 20 && b.getInt(end - 20) == ZIP64_LOCATOR) {
			int record = Math.toIntExact(b.getLong(end - 20 + 8));
			count = b.getLong(record + 32);
			directory = b.getLong(record + 48);
		}
		Map<String, byte[]> entries = new LinkedHashMap<>();
		long total = 0;
		int p = Math.toIntExact(directory);
		for (long e = 0; e < count; e++) {
			if (b.getInt(p) != DIRECTORY_ENTRY) throw new ModelFormatException(what + " has a damaged zip directory");
			int method = b.getShort(p + 10) & 0xffff;
			long compressed = b.getInt(p + 20) & 0xffffffffL;
			long size = b.getInt(p + 24) & 0xffffffffL;
			int nameLength = b.getShort(p + 28) & 0xffff;
			int extraLength = b.getShort(p + 30) & 0xffff;
			int commentLength = b.getShort(p + 32) & 0xffff;
			long local = b.getInt(p + 42) & 0xffffffffL;
			String name = new String(bytes(b, p + 46, nameLength), StandardCharsets.UTF_8);
			long[] zip64 = zip64Sizes(b, p + 46 + nameLength, extraLength, size, compressed, local);
			size = zip64[0];
			compressed = zip64[1];
			local = zip64[2];
			p += 46 + nameLength + extraLength + commentLength;
			if (name.endsWith("/")) continue;
			int l = Math.toIntExact(local);
			if (b.getInt(l) != LOCAL_HEADER) throw new ModelFormatException(what + " has a damaged entry " + name);
			int data = l + 30 + (b.getShort(l + 26) & 0xffff) + (b.getShort(l + 28) & 0xffff);
			total += size;
			// a damaged or hostile directory must not make us allocate without bound
			if (size > Integer.MAX_VALUE - 8 || total > 64L * b.limit() + (1 << 20)) {
				throw new ModelFormatException(what + " declares implausibly large entries; it is damaged");
			}
			entries.put(name, switch (method) {
				case 0 -> {
					if (compressed != size) throw new ModelFormatException(what + ": inconsistent sizes of " + name);
					yield bytes(b, data, (int) size);
				}
				case 8 -> inflate(bytes(b, data, Math.toIntExact(compressed)), (int) size, what + " entry " + name);
				default -> throw new ModelFormatException(what + " uses unsupported zip compression " + method);
			});
		}
		if (entries.isEmpty()) throw new ModelFormatException(what + " is an empty zip archive");
		return entries;
	}

	/** Applies a zip64 extended-information extra field (id 1) where the 32-bit fields overflowed. */
	private static long[] zip64Sizes(ByteBuffer b, int start, int length, long size, long compressed, long local) {
		long[] out = { size, compressed, local };
		for (int q = start; q + 4 <= start + length;) {
			int id = b.getShort(q) & 0xffff;
			int len = b.getShort(q + 2) & 0xffff;
			if (id == 1) {
				int r = q + 4;
				if (size == 0xffffffffL) { out[0] = b.getLong(r); r += 8; }
				if (compressed == 0xffffffffL) { out[1] = b.getLong(r); r += 8; }
				if (local == 0xffffffffL) out[2] = b.getLong(r);
			}
			q += 4 + len;
		}
		return out;
	}

	private static byte[] bytes(ByteBuffer b, int at, int length) {
		byte[] out = new byte[length];
		b.get(at, out);
		return out;
	}

	private static byte[] inflate(byte[] compressed, int size, String what) throws ModelFormatException {
		Inflater inflater = new Inflater(true);
		try {
			inflater.setInput(compressed);
			byte[] out = new byte[size];
			int n = 0;
			while (n < size && !inflater.finished()) {
				int k = inflater.inflate(out, n, size - n);
				if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
				n += k;
			}
			if (n != size) throw new ModelFormatException(what + " is truncated");
			return out;
		}
		catch (DataFormatException e) {
			throw new ModelFormatException(what + " is damaged (" + e.getMessage() + ")", e);
		}
		finally {
			inflater.end();
		}
	}
}
