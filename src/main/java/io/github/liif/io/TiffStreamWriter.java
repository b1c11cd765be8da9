package io.github.liif.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one uncompressed image plane as a TIFF, row by row, so that an image larger than
 * memory can be saved while it is being computed. Pixel data come first and the directory
 * last (every offset follows from the size), so the stream is written strictly in order.
 * Files that would pass 4 GB are written as BigTIFF (ImageJ 1 cannot open those; Fiji's
 * Bio-Formats, napari/tifffile and libtiff can).
 */
public final class TiffStreamWriter {

	/**
	 * The image: width x height pixels of samplesPerPixel (1: gray, 3: RGB) samples.
	 *
	 * @param pixelsPerUnit pixels per calibration unit along x and y, or 0 when uncalibrated
	 */
	public record Layout(int width, int height, int samplesPerPixel, SampleType type, double pixelsPerUnitX,
		double pixelsPerUnitY)
	{

		public Layout {
			if (width < 1 || height < 1) throw new IllegalArgumentException("empty image " + width + " x " + height);
			if (samplesPerPixel != 1 && samplesPerPixel != 3) {
				throw new IllegalArgumentException("TIFF rows of 1 or 3 samples per pixel, not " + samplesPerPixel);
			}
		}

		long rowBytes() {
			return (long) width * samplesPerPixel * type.bytes;
		}

		long dataBytes() {
			return rowBytes() * height;
		}

		/** Whether the classic format's 32-bit offsets cannot hold the file. */
		public boolean needsBigTiff() {
			return dataBytes() + (8L << 20) + 16L * height > 0xFFFF_FFFFL;
		}
	}

	private static final int SHORT = 3;
	private static final int LONG = 4;
	private static final int RATIONAL = 5;
	private static final int ASCII = 2;
	private static final int LONG8 = 16;

	private final OutputStream out;
	private final Layout layout;
	private final String description;
	private final boolean big;
	private final int rowsPerStrip;
	private final ByteBuffer row;
	private int rowsWritten;

	/**
	 * @param description the ImageDescription (ImageJ keeps calibration unit and display range here)
	 * @param bigTiff write BigTIFF even when the classic format would do
	 */
	public TiffStreamWriter(OutputStream out, Layout layout, String description, boolean bigTiff) throws IOException {
		this.out = new BufferedOutputStream(out, 1 << 20);
		this.layout = layout;
		this.description = description;
		this.big = bigTiff || layout.needsBigTiff();
		this.rowsPerStrip = (int) Math.max(1, Math.min(layout.height(), (64 << 10) / layout.rowBytes()));
		this.row = ByteBuffer.allocate(Math.toIntExact(layout.rowBytes())).order(ByteOrder.LITTLE_ENDIAN);
		writeHeader();
	}

	public boolean isBigTiff() { return big; }

	private long dataStart() {
		return big ? 16 : 8;
	}

	private long directoryOffset() {
		long end = dataStart() + layout.dataBytes();
		return end + (end & 1);
	}

	private void writeHeader() throws IOException {
		ByteBuffer b = ByteBuffer.allocate((int) dataStart()).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I');
		if (big) b.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(directoryOffset());
		else b.putShort((short) 42).putInt((int) directoryOffset());
		out.write(b.array());
	}

	/** Writes the next row: width * samplesPerPixel values, already in the stored range. */
	public void writeRow(float[] samples) throws IOException {
		if (samples.length != layout.width() * layout.samplesPerPixel()) {
			throw new IllegalArgumentException("a row has " + layout.width() * layout.samplesPerPixel() + " samples, got "
				+ samples.length);
		}
		if (rowsWritten == layout.height()) throw new IllegalStateException("all " + layout.height() + " rows are written");
		row.clear();
		switch (layout.type()) {
			case UINT8 -> {
				for (float v : samples) row.put((byte) (int) v);
			}
			case UINT16 -> {
				for (float v : samples) row.putShort((short) (int) v);
			}
			case FLOAT32 -> {
				for (float v : samples) row.putFloat(v);
			}
		}
		out.write(row.array());
		rowsWritten++;
	}

	/** Writes the directory after the last row and flushes (the caller closes the stream). */
	public void finish() throws IOException {
		if (rowsWritten != layout.height()) {
			throw new IllegalStateException("only " + rowsWritten + " of " + layout.height() + " rows were written");
		}
		if ((dataStart() + layout.dataBytes() & 1) != 0) out.write(0);
		writeDirectory(entries());
		out.flush();
	}

	private record Entry(int tag, int type, long count, byte[] data) {}

	private List<Entry> entries() {
		int spp = layout.samplesPerPixel();
		int strips = (layout.height() + rowsPerStrip - 1) / rowsPerStrip;
		long[] offsets = new long[strips];
		long[] counts = new long[strips];
		for (int s = 0; s < strips; s++) {
			int rows = Math.min(rowsPerStrip, layout.height() - s * rowsPerStrip);
			offsets[s] = dataStart() + (long) s * rowsPerStrip * layout.rowBytes();
			counts[s] = rows * layout.rowBytes();
		}
		List<Entry> e = new ArrayList<>();
		e.add(numbers(256, LONG, layout.width()));
		e.add(numbers(257, LONG, layout.height()));
		e.add(numbers(258, SHORT, fill(spp, 8L * layout.type().bytes)));
		e.add(numbers(259, SHORT, 1));
		e.add(numbers(262, SHORT, spp == 3 ? 2 : 1));
		if (description != null && !description.isEmpty()) {
			// ASCII fields end in exactly one NUL (ImageJ's description strings bring their own: not a second one)
			byte[] text = (description.replaceAll("\0+$", "") + "\0").getBytes(StandardCharsets.US_ASCII);
			e.add(new Entry(270, ASCII, text.length, text));
		}
		e.add(numbers(273, big ? LONG8 : LONG, offsets));
		e.add(numbers(277, SHORT, spp));
		e.add(numbers(278, LONG, rowsPerStrip));
		e.add(numbers(279, LONG, counts));
		if (layout.pixelsPerUnitX() > 0 && layout.pixelsPerUnitY() > 0) {
			e.add(numbers(282, RATIONAL, rational(layout.pixelsPerUnitX())));
			e.add(numbers(283, RATIONAL, rational(layout.pixelsPerUnitY())));
		}
		e.add(numbers(284, SHORT, 1));
		if (layout.pixelsPerUnitX() > 0 && layout.pixelsPerUnitY() > 0) e.add(numbers(296, SHORT, 1));
		e.add(numbers(339, SHORT, fill(spp, layout.type().tiffFormat)));
		return e;
	}

	private static long[] fill(int n, long v) {
		long[] a = new long[n];
		Arrays.fill(a, v);
		return a;
	}

	/** A positive value as numerator/denominator with 6 significant decimals where it fits. */
	private static long[] rational(double v) {
		long denominator = 1_000_000;
		while (denominator > 1 && v * denominator > 0xFFFF_FFFFL) denominator /= 10;
		return new long[]{ Math.min(0xFFFF_FFFFL, Math.max(1, Math.round(v * denominator))), denominator };
	}

	private static int size(int type) {
		return switch (type) {
			case ASCII -> 1;
			case SHORT -> 2;
			case LONG -> 4;
			default -> 8;
		};
	}

	private static Entry numbers(int tag, int type, long... values) {
		int unit = type == RATIONAL ? 4 : size(type);
		ByteBuffer b = ByteBuffer.allocate(values.length * unit).order(ByteOrder.LITTLE_ENDIAN);
		for (long v : values) {
			switch (unit) {
				case 2 -> b.putShort((short) v);
				case 4 -> b.putInt((int) v);
				default -> b.putLong(v);
			}
		}
		return new Entry(tag, type, type == RATIONAL ? values.length / 2 : values.length, b.array());
	}

	private void writeDirectory(List<Entry> entries) throws IOException {
		int inline = big ? 8 : 4;
		long start = directoryOffset();
		long size = big ? 8 + 20L * entries.size() + 8 : 2 + 12L * entries.size() + 4;
		long extra = start + size;
		ByteBuffer dir = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
		if (big) dir.putLong(entries.size());
		else dir.putShort((short) entries.size());
		List<byte[]> spill = new ArrayList<>();
		for (Entry e : entries) {
			dir.putShort((short) e.tag()).putShort((short) e.type());
			if (big) dir.putLong(e.count());
			else dir.putInt((int) e.count());
			byte[] value = Arrays.copyOf(e.data(), Math.max(inline, e.data().length));
			if (e.data().length <= inline) {
				dir.put(value, 0, inline);
			}
			else {
				if (big) dir.putLong(extra);
				else dir.putInt((int) extra);
				byte[] padded = Arrays.copyOf(e.data(), e.data().length + (e.data().length & 1));
				spill.add(padded);
				extra += padded.length;
			}
		}
		if (big) dir.putLong(0);
		else dir.putInt(0);
		out.write(dir.array());
		for (byte[] b : spill) out.write(b);
	}
}
