package io.github.liif.io;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One image as OME-Zarr 0.4 (Zarr v2): a single resolution level "0" with axes (c, y, x),
 * chunks of (all channels, chunk, chunk) compressed with zlib, the pixel size as the level's
 * scale. Readable by napari (ome-zarr), zarr-python and Fiji's N5/BigDataViewer tools.
 * Chunks are written independently, so machines can each write their own.
 */
public final class OmeZarr {

	/** The array: sample type as in TIFF outputs; pixel size in {@code unit}, or unit null. */
	public record Layout(int channels, int height, int width, int chunk, SampleType type, double pixelHeight, double pixelWidth,
		String unit) implements Serializable
	{

		public Layout {
			if (channels < 1 || height < 1 || width < 1 || chunk < 1) {
				throw new IllegalArgumentException("invalid OME-Zarr layout " + channels + " x " + height + " x " + width
					+ ", chunk " + chunk);
			}
		}

		public int chunkRows() {
			return (height + chunk - 1) / chunk;
		}

		public int chunkColumns() {
			return (width + chunk - 1) / chunk;
		}
	}

	private static final Map<String, String> UNITS = Map.of("micron", "micrometer", "µm", "micrometer", "um", "micrometer", "nm",
		"nanometer", "mm", "millimeter", "cm", "centimeter", "m", "meter", "inch", "inch", "pixel", "");

	private OmeZarr() {}

	/** The OME unit name for an ImageJ unit, or null when OME has none. */
	public static String omeUnit(String imageJUnit) {
		if (imageJUnit == null) return null;
		String u = UNITS.getOrDefault(imageJUnit.toLowerCase(Locale.ROOT), null);
		return u == null || u.isEmpty() ? null : u;
	}

	/**
	 * Writes the metadata of a new image.
	 *
	 * @param provenance how the image was made (under the {@code liif} key of the group's attributes)
	 */
	public static void create(ChunkStore store, Layout layout, String name, JsonObject provenance) throws IOException {
		JsonObject zarray = new JsonObject();
		zarray.addProperty("zarr_format", 2);
		zarray.add("shape", ints(layout.channels(), layout.height(), layout.width()));
		zarray.add("chunks", ints(layout.channels(), layout.chunk(), layout.chunk()));
		zarray.addProperty("dtype", dtype(layout.type()));
		JsonObject compressor = new JsonObject();
		compressor.addProperty("id", "zlib");
		compressor.addProperty("level", 1);
		zarray.add("compressor", compressor);
		zarray.addProperty("fill_value", 0);
		zarray.addProperty("order", "C");
		zarray.add("filters", null);
		zarray.addProperty("dimension_separator", "/");

		JsonArray axes = new JsonArray();
		axes.add(axis("c", "channel", null));
		axes.add(axis("y", "space", layout.unit()));
		axes.add(axis("x", "space", layout.unit()));
		JsonObject scale = new JsonObject();
		scale.addProperty("type", "scale");
		JsonArray factors = new JsonArray();
		factors.add(1.0);
		factors.add(layout.pixelHeight());
		factors.add(layout.pixelWidth());
		scale.add("scale", factors);
		JsonObject dataset = new JsonObject();
		dataset.addProperty("path", "0");
		JsonArray transforms = new JsonArray();
		transforms.add(scale);
		dataset.add("coordinateTransformations", transforms);
		JsonArray datasets = new JsonArray();
		datasets.add(dataset);
		JsonObject multiscale = new JsonObject();
		multiscale.addProperty("version", "0.4");
		multiscale.addProperty("name", name);
		multiscale.add("axes", axes);
		multiscale.add("datasets", datasets);
		JsonArray multiscales = new JsonArray();
		multiscales.add(multiscale);
		JsonObject attrs = new JsonObject();
		attrs.add("multiscales", multiscales);
		attrs.add("liif", provenance);

		store.put(".zgroup", json(Map.of("zarr_format", 2)));
		store.put(".zattrs", attrs.toString().getBytes(StandardCharsets.UTF_8));
		store.put("0/.zarray", zarray.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Reads the layout back from the array's metadata. */
	public static Layout open(ChunkStore store) throws IOException {
		byte[] meta = store.get("0/.zarray");
		byte[] attrs = store.get(".zattrs");
		if (meta == null || attrs == null)
			throw new IOException("not an OME-Zarr image written by LIIF (no 0/.zarray or .zattrs)");
		JsonObject a = JsonParser.parseString(new String(meta, StandardCharsets.UTF_8)).getAsJsonObject();
		JsonArray shape = a.getAsJsonArray("shape");
		JsonObject ms = JsonParser.parseString(new String(attrs, StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonArray(
			"multiscales").get(0).getAsJsonObject();
		JsonArray scale = ms.getAsJsonArray("datasets").get(0).getAsJsonObject().getAsJsonArray("coordinateTransformations").get(
			0).getAsJsonObject().getAsJsonArray("scale");
		JsonObject yAxis = ms.getAsJsonArray("axes").get(1).getAsJsonObject();
		return new Layout(shape.get(0).getAsInt(), shape.get(1).getAsInt(), shape.get(2).getAsInt(), a.getAsJsonArray("chunks")
			.get(1).getAsInt(), type(a.get("dtype").getAsString()), scale.get(1).getAsDouble(), scale.get(2).getAsDouble(), yAxis
				.has("unit") ? yAxis.get("unit").getAsString() : null);
	}

	public static String chunkKey(int chunkRow, int chunkColumn) {
		return "0/0/" + chunkRow + "/" + chunkColumn;
	}

	/**
	 * Writes one chunk from a pixel-interleaved block that holds at least the chunk's pixels.
	 *
	 * @param block (blockHeight, blockWidth, C) samples in their stored range, the block's top
	 *          left pixel at output (blockY, blockX)
	 */
	public static void writeChunk(ChunkStore store, Layout layout, int chunkRow, int chunkColumn, float[] block, int blockY,
		int blockX, int blockWidth) throws IOException
	{
		int n = layout.chunk();
		int bytes = layout.type().bytes;
		ByteBuffer raw = ByteBuffer.allocate(layout.channels() * n * n * bytes).order(ByteOrder.LITTLE_ENDIAN);
		int y0 = chunkRow * n;
		int x0 = chunkColumn * n;
		for (int c = 0; c < layout.channels(); c++) {
			for (int y = 0; y < n; y++) {
				for (int x = 0; x < n; x++) {
					int oy = y0 + y;
					int ox = x0 + x;
					// edge chunks are stored whole, padded with the fill value
					float v = oy < layout.height() && ox < layout.width() ? block[((oy - blockY) * blockWidth + ox - blockX)
						* layout.channels() + c] : 0f;
					switch (layout.type()) {
						case UINT8 -> raw.put((byte) (int) v);
						case UINT16 -> raw.putShort((short) (int) v);
						case FLOAT32 -> raw.putFloat(v);
					}
				}
			}
		}
		store.put(chunkKey(chunkRow, chunkColumn), deflate(raw.array()));
	}

	/** Reads the whole array as (C, H, W) floats (tests, small images); missing chunks read as 0. */
	public static float[] read(ChunkStore store, Layout layout) throws IOException {
		int n = layout.chunk();
		int h = layout.height();
		int w = layout.width();
		float[] out = new float[layout.channels() * h * w];
		for (int cy = 0; cy < layout.chunkRows(); cy++) {
			for (int cx = 0; cx < layout.chunkColumns(); cx++) {
				byte[] packed = store.get(chunkKey(cy, cx));
				if (packed == null) continue;
				ByteBuffer raw = ByteBuffer.wrap(inflate(packed, layout.channels() * n * n * layout.type().bytes)).order(
					ByteOrder.LITTLE_ENDIAN);
				for (int c = 0; c < layout.channels(); c++) {
					for (int y = 0; y < n; y++) {
						for (int x = 0; x < n; x++) {
							float v = switch (layout.type()) {
								case UINT8 -> raw.get() & 0xff;
								case UINT16 -> raw.getShort() & 0xffff;
								case FLOAT32 -> raw.getFloat();
							};
							int oy = cy * n + y;
							int ox = cx * n + x;
							if (oy < h && ox < w) out[(c * h + oy) * w + ox] = v;
						}
					}
				}
			}
		}
		return out;
	}

	private static byte[] deflate(byte[] data) {
		Deflater d = new Deflater(1);
		try {
			d.setInput(data);
			d.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
			byte[] buf = new byte[1 << 16];
			while (!d.finished()) out.write(buf, 0, d.deflate(buf));
			return out.toByteArray();
		}
		finally {
			d.end();
		}
	}

	private static byte[] inflate(byte[] data, int size) throws IOException {
		Inflater i = new Inflater();
		try {
			i.setInput(data);
			byte[] out = new byte[size];
			int n = 0;
			while (n < size && !i.finished()) {
				int got = i.inflate(out, n, size - n);
				if (got == 0 && (i.needsInput() || i.needsDictionary())) break;
				n += got;
			}
			if (n != size) throw new IOException("a chunk holds " + n + " bytes, expected " + size);
			return out;
		}
		catch (DataFormatException e) {
			throw new IOException("a chunk is not zlib data: " + e.getMessage(), e);
		}
		finally {
			i.end();
		}
	}

	private static String dtype(SampleType type) {
		return switch (type) {
			case UINT8 -> "|u1";
			case UINT16 -> "<u2";
			case FLOAT32 -> "<f4";
		};
	}

	private static SampleType type(String dtype) throws IOException {
		return switch (dtype) {
			case "|u1" -> SampleType.UINT8;
			case "<u2" -> SampleType.UINT16;
			case "<f4" -> SampleType.FLOAT32;
			default -> throw new IOException("unsupported dtype " + dtype);
		};
	}

	private static JsonArray ints(int... values) {
		JsonArray a = new JsonArray();
		for (int v : values) a.add(v);
		return a;
	}

	private static JsonObject axis(String name, String type, String unit) {
		JsonObject o = new JsonObject();
		o.addProperty("name", name);
		o.addProperty("type", type);
		if (unit != null) o.addProperty("unit", unit);
		return o;
	}

	private static byte[] json(Map<String, Object> map) {
		return new Gson().toJson(map).getBytes(StandardCharsets.UTF_8);
	}
}
