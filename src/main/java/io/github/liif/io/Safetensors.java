package io.github.liif.io;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.liif.model.ModelFormatException;
import io.github.liif.model.StateDict;
import io.github.liif.model.Weights;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the raw data. Metadata is a string map.
 */
public final class Safetensors {

	/** A state dict together with the file's {@code __metadata__}. */
	public record Contents(StateDict weights, Map<String, String> metadata) {}

	private Safetensors() {}

	public static boolean looksLike(byte[] bytes) {
		if (bytes.length < 10) return false;
		long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
		return n > 1 && n <= bytes.length - 8 && bytes[8] == '{';
	}

	public static Contents read(byte[] bytes) throws ModelFormatException {
		if (!looksLike(bytes)) throw new ModelFormatException("not a safetensors file (bad header)");
		int headerLength = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
		int dataStart = 8 + headerLength;
		Map<String, Weights> weights = new LinkedHashMap<>();
		Map<String, String> metadata = new LinkedHashMap<>();
		try {
			JsonObject header = JsonParser.parseString(new String(bytes, 8, headerLength, StandardCharsets.UTF_8))
				.getAsJsonObject();
			for (Map.Entry<String, JsonElement> e : header.entrySet()) {
				JsonObject t = e.getValue().getAsJsonObject();
				if (e.getKey().equals("__metadata__")) {
					t.entrySet().forEach(m -> metadata.put(m.getKey(), m.getValue().getAsString()));
					continue;
				}
				JsonArray dims = t.getAsJsonArray("shape");
				long[] shape = new long[dims.size()];
				for (int i = 0; i < shape.length; i++) shape[i] = dims.get(i).getAsLong();
				JsonArray range = t.getAsJsonArray("data_offsets");
				long begin = range.get(0).getAsLong();
				long end = range.get(1).getAsLong();
				String code = dtypeCode(t.get("dtype").getAsString());
				long count = Weights.numel(shape);
				if (begin < 0 || end < begin || end - begin != count * TensorData.elementSize(code) || dataStart
					+ end > bytes.length)
				{
					throw new ModelFormatException("tensor " + e.getKey() + " has an invalid or truncated byte range");
				}
				float[] data = TensorData.decode(bytes, (int) (dataStart + begin), count, code, ByteOrder.LITTLE_ENDIAN);
				weights.put(e.getKey(), new Weights(shape, data));
			}
		}
		catch (RuntimeException e) {
			// Gson reports malformed JSON and wrong element kinds as unchecked exceptions
			throw new ModelFormatException("the safetensors header is malformed (" + e.getMessage() + ")", e);
		}
		return new Contents(new StateDict(weights), metadata);
	}

	private static String dtypeCode(String dtype) throws ModelFormatException {
		return switch (dtype) {
			case "F32" -> "f4";
			case "F64" -> "f8";
			case "F16" -> "f2";
			case "BF16" -> "bf2";
			case "I64" -> "i8";
			case "I32" -> "i4";
			case "I16" -> "i2";
			case "I8" -> "i1";
			case "U8" -> "u1";
			case "BOOL" -> "b1";
			default -> throw new ModelFormatException("unsupported safetensors dtype " + dtype);
		};
	}

	/** Encodes float32 tensors (in the state dict's order) with string metadata. */
	public static byte[] write(StateDict weights, Map<String, String> metadata) {
		JsonObject header = new JsonObject();
		if (!metadata.isEmpty()) {
			JsonObject meta = new JsonObject();
			metadata.forEach(meta::addProperty);
			header.add("__metadata__", meta);
		}
		long offset = 0;
		for (Map.Entry<String, Weights> e : weights.asMap().entrySet()) {
			JsonObject t = new JsonObject();
			t.addProperty("dtype", "F32");
			JsonArray shape = new JsonArray();
			for (long d : e.getValue().shape()) shape.add(d);
			t.add("shape", shape);
			JsonArray range = new JsonArray();
			range.add(offset);
			offset += 4L * e.getValue().data().length;
			range.add(offset);
			t.add("data_offsets", range);
			header.add(e.getKey(), t);
		}
		byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
		int padded = (json.length + 7) / 8 * 8;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
		out.writeBytes(length.array());
		out.writeBytes(json);
		for (int i = json.length; i < padded; i++) out.write(' ');
		for (Weights w : weights.asMap().values()) {
			ByteBuffer b = ByteBuffer.allocate(w.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
			for (float v : w.data()) b.putFloat(v);
			out.writeBytes(b.array());
		}
		return out.toByteArray();
	}
}
