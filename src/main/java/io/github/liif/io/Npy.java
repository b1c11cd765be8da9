package io.github.liif.io;

import io.github.liif.model.ModelFormatException;
import io.github.liif.model.Weights;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NumPy {@code .npy} arrays (format versions 1-3) read into float32 and written as {@code <f4}. */
public final class Npy {

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };
	private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");
	private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
	private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

	private Npy() {}

	public static Weights read(byte[] bytes) throws ModelFormatException {
		if (bytes.length < 10) throw new ModelFormatException("not a .npy array: too short");
		for (int i = 0; i < MAGIC.length; i++) {
			if (bytes[i] != MAGIC[i]) throw new ModelFormatException("not a .npy array: bad magic bytes");
		}
		int major = bytes[6];
		int headerLength;
		int start;
		if (major == 1) {
			headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
			start = 10;
		}
		else if (major == 2 || major == 3) {
			if (bytes.length < 12) throw new ModelFormatException("truncated .npy header");
			headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8 | (bytes[10] & 0xff) << 16 | (bytes[11] & 0xff) << 24;
			start = 12;
		}
		else {
			throw new ModelFormatException("unsupported .npy format version " + major);
		}
		if (headerLength < 0 || start + (long) headerLength > bytes.length) {
			throw new ModelFormatException("truncated .npy header");
		}
		String header = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
		Matcher d = DESCR.matcher(header);
		Matcher s = SHAPE.matcher(header);
		if (!d.find() || !s.find()) throw new ModelFormatException("unreadable .npy header: " + header.trim());
		Matcher f = FORTRAN.matcher(header);
		boolean fortran = f.find() && f.group(1).equals("True");
		ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		String code = d.group(2).toLowerCase() + d.group(3);
		long[] shape = parseShape(s.group(1));
		long count;
		try {
			count = Weights.numel(shape);
		}
		catch (ArithmeticException | IllegalArgumentException e) {
			throw new ModelFormatException("invalid .npy shape (" + s.group(1) + ")");
		}
		float[] data = TensorData.decode(bytes, start + headerLength, count, code, order);
		if (fortran) data = Strided.toRowMajor(data, shape, Strided.columnMajorStrides(shape), 0);
		return new Weights(shape, data);
	}

	private static long[] parseShape(String text) throws ModelFormatException {
		List<Long> dims = new ArrayList<>();
		for (String part : text.split(",")) {
			String t = part.trim();
			if (t.isEmpty()) continue;
			try {
				dims.add(Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t));
			}
			catch (NumberFormatException e) {
				throw new ModelFormatException("invalid .npy shape (" + text + ")");
			}
		}
		return dims.stream().mapToLong(Long::longValue).toArray();
	}
}
