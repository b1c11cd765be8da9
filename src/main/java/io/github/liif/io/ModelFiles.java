package io.github.liif.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.liif.model.LiifModel;
import io.github.liif.model.LiifModelWeights;
import io.github.liif.model.ModelDescriptor;
import io.github.liif.model.ModelFormatException;
import io.github.liif.model.SpecInference;
import io.github.liif.model.StateDict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Loads models from every supported file kind, recognised by content, not by name: the
 * project's own {@code .liif} (zip of a JSON descriptor and safetensors weights), reference
 * {@code .pth} checkpoints, and bare state dicts as {@code .safetensors} or {@code .npz}.
 */
public final class ModelFiles {

	public static final String FORMAT = "liif-model";
	public static final int FORMAT_VERSION = 1;
	static final String DESCRIPTOR = "liif-model.json";
	static final String WEIGHTS = "weights.safetensors";
	/** Metadata key under which exports record the reference's {@code model.args}. */
	static final String ARGS_METADATA = "liif_args";
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

	private ModelFiles() {}

	public static LiifModel load(Path file) throws ModelFormatException {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (NoSuchFileException e) {
			throw new ModelFormatException("model file not found: " + file);
		}
		catch (IOException | OutOfMemoryError e) {
			throw new ModelFormatException("cannot read model file " + file + ": " + e.getMessage(), e);
		}
		String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
		return named(file.getFileName().toString(), () -> parse(bytes, name));
	}

	public static LiifModel load(InputStream in, String name) throws ModelFormatException, IOException {
		return load(in.readAllBytes(), name);
	}

	static LiifModel load(byte[] bytes, String name) throws ModelFormatException {
		return guarded(() -> parse(bytes, name));
	}

	/** One way of reading a model; it may throw unchecked exceptions on input no check foresaw. */
	private interface Reader {

		LiifModel read() throws ModelFormatException;
	}

	private static LiifModel guarded(Reader reader) throws ModelFormatException {
		try {
			return reader.read();
		}
		catch (RuntimeException e) {
			// every reader validates what it reads; this is the net under a case one of them missed
			throw new ModelFormatException("the file is damaged or not a model file (" + e + ")", e);
		}
	}

	/** As {@link #guarded}, with the file's name leading every message. */
	private static LiifModel named(String fileName, Reader reader) throws ModelFormatException {
		try {
			return guarded(reader);
		}
		catch (ModelFormatException e) {
			throw new ModelFormatException(fileName + ": " + e.getMessage(), e);
		}
	}

	private static LiifModel parse(byte[] bytes, String name) throws ModelFormatException {
		if (bytes.length == 0) throw new ModelFormatException("the file is empty");
		if (ZipEntries.isZip(bytes)) {
			Map<String, byte[]> entries = ZipEntries.read(bytes, "the model archive");
			if (entries.containsKey(DESCRIPTOR)) return readOwn(entries);
			if (PthReader.isTorchArchive(entries)) {
				PthReader.Checkpoint c = PthReader.read(entries);
				return new LiifModel(SpecInference.infer(c.weights(), c.args()), ModelDescriptor.reference(name));
			}
			if (entries.keySet().stream().anyMatch(n -> n.endsWith(".npy"))) {
				return new LiifModel(SpecInference.infer(Npz.read(bytes), null), ModelDescriptor.reference(name));
			}
			throw new ModelFormatException("a zip archive that is neither a LIIF model, a PyTorch checkpoint nor an .npz");
		}
		if (Safetensors.looksLike(bytes)) {
			Safetensors.Contents c = Safetensors.read(bytes);
			return new LiifModel(SpecInference.infer(c.weights(), args(c.metadata())), ModelDescriptor.reference(name));
		}
		throw new ModelFormatException("not a model file: expected a LIIF model (.liif), a reference "
			+ "checkpoint (.pth), or weights as .safetensors or .npz");
	}

	private static Map<?, ?> args(Map<String, String> metadata) throws ModelFormatException {
		String json = metadata.get(ARGS_METADATA);
		if (json == null) return null;
		try {
			return new Gson().fromJson(json, Map.class);
		}
		catch (RuntimeException e) {
			throw new ModelFormatException("invalid " + ARGS_METADATA + " metadata: " + e.getMessage(), e);
		}
	}

	private static LiifModel readOwn(Map<String, byte[]> entries) throws ModelFormatException {
		JsonObject d;
		try {
			d = JsonParser.parseString(new String(entries.get(DESCRIPTOR), StandardCharsets.UTF_8)).getAsJsonObject();
		}
		catch (RuntimeException e) {
			throw new ModelFormatException("the model descriptor is not valid JSON (" + e.getMessage() + ")", e);
		}
		try {
			if (!FORMAT.equals(d.get("format").getAsString())) throw new ModelFormatException("unknown model format");
			int version = d.get("format_version").getAsInt();
			if (version > FORMAT_VERSION) {
				throw new ModelFormatException("this model file has format version " + version
					+ " but this plugin reads up to version " + FORMAT_VERSION + ": update LIIF Upscale");
			}
			byte[] weights = entries.get(WEIGHTS);
			if (weights == null) throw new ModelFormatException("the model archive has no " + WEIGHTS);
			StateDict sd = Safetensors.read(weights).weights();
			Map<?, ?> args = new Gson().fromJson(d.get("architecture"), Map.class);
			LiifModelWeights net = SpecInference.infer(sd, args);
			int channels = d.get("channels").getAsInt();
			if (channels != net.spec().inChannels()) {
				throw new ModelFormatException("the descriptor says " + channels + " channel(s) but the weights take " + net
					.spec().inChannels());
			}
			var scales = d.getAsJsonArray("training_scales");
			ModelDescriptor descriptor = new ModelDescriptor(d.get("name").getAsString(), scales.get(0).getAsDouble(), scales.get(
				1).getAsDouble(), d.has("provenance") ? d.getAsJsonObject("provenance") : null);
			return new LiifModel(net, descriptor);
		}
		catch (ModelFormatException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw new ModelFormatException("the model descriptor is incomplete or malformed (" + e + ")", e);
		}
	}

	/** All entries of a {@code .liif} archive (for training checkpoints). */
	public static Map<String, byte[]> entries(Path file) throws ModelFormatException, IOException {
		return ZipEntries.read(Files.readAllBytes(file), file.getFileName().toString());
	}

	/** The model in entries already read by {@link #entries}, so a checkpoint is read from disk once. */
	public static LiifModel fromEntries(Map<String, byte[]> entries, String fileName) throws ModelFormatException {
		return named(fileName, () -> {
			if (!entries.containsKey(DESCRIPTOR)) throw new ModelFormatException("not a LIIF model archive");
			return readOwn(entries);
		});
	}

	/** The descriptor as stored in a {@code .liif} file. */
	public static JsonObject descriptorJson(LiifModel model) {
		ModelDescriptor md = model.descriptor();
		JsonObject d = new JsonObject();
		d.addProperty("format", FORMAT);
		d.addProperty("format_version", FORMAT_VERSION);
		d.addProperty("name", md.name());
		d.add("architecture", GSON.toJsonTree(model.spec().referenceArgs()));
		d.addProperty("channels", model.channels());
		var scales = new JsonArray();
		scales.add(md.minScale());
		scales.add(md.maxScale());
		d.add("training_scales", scales);
		d.addProperty("parameters", model.weights().stateDict().parameterCount());
		d.add("provenance", md.provenance());
		return d;
	}

	/** Saves in the project's own format, atomically. */
	public static void save(LiifModel model, Path file, boolean overwrite) throws IOException {
		save(model, file, overwrite, Map.of());
	}

	/** Saves with additional zip entries (training checkpoints add optimizer and run state). */
	public static void save(LiifModel model, Path file, boolean overwrite, Map<String, byte[]> extra) throws IOException {
		byte[] descriptor = GSON.toJson(descriptorJson(model)).getBytes(StandardCharsets.UTF_8);
		byte[] weights = Safetensors.write(model.weights().stateDict(), Map.of());
		AtomicFiles.write(file, overwrite, out -> {
			ZipOutputStream zip = new ZipOutputStream(out);
			zip.putNextEntry(new ZipEntry(DESCRIPTOR));
			zip.write(descriptor);
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(WEIGHTS));
			zip.write(weights);
			zip.closeEntry();
			for (Map.Entry<String, byte[]> e : extra.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
			zip.finish();
		});
	}

	/** Exports the weights with the reference's state-dict names, architecture in the metadata. */
	public static void exportSafetensors(LiifModel model, Path file, boolean overwrite) throws IOException {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put(ARGS_METADATA, new Gson().toJson(model.spec().referenceArgs()));
		metadata.put("format", "pt");
		AtomicFiles.write(file, overwrite, Safetensors.write(model.weights().stateDict(), metadata));
	}
}
