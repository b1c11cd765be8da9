package io.github.liif.io;

import io.github.liif.model.ModelFormatException;
import io.github.liif.model.StateDict;
import io.github.liif.model.Weights;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Reads PyTorch {@code torch.save} zip files (the reference LIIF checkpoints) in pure Java: the
 * pickle is decoded with Razorvine's unpickler, tensors are rebuilt lazily from their storage
 * entries, so an optimizer state inside the file costs nothing.
 */
public final class PthReader {

	/** The reference checkpoint's model: {@code {'name', 'args', 'sd'}}. */
	public record Checkpoint(Map<?, ?> args, StateDict weights) {}

	static {
		for (String[] t : new String[][]{ { "FloatStorage", "f4" }, { "DoubleStorage", "f8" }, { "HalfStorage", "f2" }, {
			"BFloat16Storage", "bf2" }, { "LongStorage", "i8" }, { "IntStorage", "i4" }, { "ShortStorage", "i2" }, {
				"CharStorage", "i1" }, { "ByteStorage", "u1" }, { "BoolStorage", "b1" } })
		{
			Unpickler.registerConstructor("torch", t[0], new StorageType(t[1]));
		}
		Unpickler.registerConstructor("torch._utils", "_rebuild_tensor_v2", args -> LazyTensor.of(args));
		Unpickler.registerConstructor("torch._utils", "_rebuild_parameter", args -> args[0]);
		Unpickler.registerConstructor("collections", "OrderedDict", args -> new OrderedDict());
	}

	private PthReader() {}

	/**
	 * Python's OrderedDict. State dicts carry a {@code _metadata} attribute set through
	 * {@code __setstate__}; it holds module versions only and is dropped.
	 */
	public static final class OrderedDict extends LinkedHashMap<Object, Object> {

		private static final long serialVersionUID = 1L;

		public void __setstate__(HashMap<?, ?> state) {
			// module version metadata: not needed
		}
	}

	/** A storage class named in the pickle; called only if a pickle misuses it. */
	private record StorageType(String code) implements IObjectConstructor {

		@Override
		public Object construct(Object[] args) {
			throw new PickleException("unexpected call of a storage type");
		}
	}

	private record Storage(String code, String key) {}

	private record LazyTensor(Storage storage, long offset, long[] shape, long[] strides) {

		static LazyTensor of(Object[] args) {
			if (args.length < 4 || !(args[0] instanceof Storage s)) throw new PickleException("malformed tensor record");
			return new LazyTensor(s, ((Number) args[1]).longValue(), longs(args[2]), longs(args[3]));
		}

		private static long[] longs(Object tuple) {
			Object[] items = (Object[]) tuple;
			long[] out = new long[items.length];
			for (int i = 0; i < out.length; i++) out[i] = ((Number) items[i]).longValue();
			return out;
		}
	}

	private static final class TorchUnpickler extends Unpickler {

		@Override
		protected Object persistentLoad(Object pid) {
			if (pid instanceof Object[] t && t.length >= 3 && "storage".equals(t[0]) && t[1] instanceof StorageType type) {
				return new Storage(type.code(), String.valueOf(t[2]));
			}
			throw new PickleException("unsupported persistent id in the checkpoint");
		}
	}

	/** True if the zip entries look like a torch.save archive. */
	static boolean isTorchArchive(Map<String, byte[]> entries) {
		return entries.keySet().stream().anyMatch(n -> n.endsWith("data.pkl"));
	}

	public static Checkpoint read(byte[] bytes) throws ModelFormatException {
		if (!ZipEntries.isZip(bytes)) {
			throw new ModelFormatException("not a PyTorch checkpoint: the file is not a zip archive "
				+ "(legacy pre-1.6 torch.save files are not supported; re-save with a current PyTorch)");
		}
		return read(ZipEntries.read(bytes, "the .pth file"));
	}

	static Checkpoint read(Map<String, byte[]> entries) throws ModelFormatException {
		String pickle = entries.keySet().stream().filter(n -> n.endsWith("data.pkl")).findFirst().orElseThrow(
			() -> new ModelFormatException("not a PyTorch checkpoint: no data.pkl inside"));
		String prefix = pickle.substring(0, pickle.length() - "data.pkl".length());
		ByteOrder order = byteOrder(entries.get(prefix + "byteorder"));
		Object root;
		TorchUnpickler unpickler = new TorchUnpickler();
		try {
			root = unpickler.load(new ByteArrayInputStream(entries.get(pickle)));
		}
		catch (IOException | RuntimeException e) {
			throw new ModelFormatException("the checkpoint's pickle is damaged or uses unsupported objects (" + e.getMessage()
				+ ")", e);
		}
		finally {
			unpickler.close();
		}
		Map<?, ?> model = modelOf(root);
		Object sd = model.get("sd");
		if (!(sd instanceof Map<?, ?> stateDict)) {
			throw new ModelFormatException("the checkpoint has no state dict ('model' -> 'sd')");
		}
		Map<String, Weights> weights = new LinkedHashMap<>();
		for (Map.Entry<?, ?> e : stateDict.entrySet()) {
			if (!(e.getValue() instanceof LazyTensor t)) {
				throw new ModelFormatException("state dict entry " + e.getKey() + " is not a tensor");
			}
			weights.put(String.valueOf(e.getKey()), materialise(String.valueOf(e.getKey()), t, entries, prefix, order));
		}
		Map<?, ?> args = model.get("args") instanceof Map<?, ?> a ? a : null;
		return new Checkpoint(args, new StateDict(weights));
	}

	/**
	 * The reference saves {@code {'model': {'name', 'args', 'sd'}, ...}}; a bare state dict
	 * (name -> tensor) is accepted too.
	 */
	private static Map<?, ?> modelOf(Object root) throws ModelFormatException {
		if (root instanceof Map<?, ?> m) {
			if (m.get("model") instanceof Map<?, ?> model && model.containsKey("sd")) return model;
			if (!m.isEmpty() && m.values().stream().allMatch(v -> v instanceof LazyTensor)) {
				Map<String, Object> wrapped = new LinkedHashMap<>();
				wrapped.put("sd", m);
				return wrapped;
			}
		}
		throw new ModelFormatException("not a LIIF checkpoint: expected {'model': {'name', 'args', 'sd'}} "
			+ "as saved by the reference training script, or a plain state dict");
	}

	private static Weights materialise(String name, LazyTensor t, Map<String, byte[]> entries, String prefix, ByteOrder order)
		throws ModelFormatException
	{
		byte[] data = entries.get(prefix + "data/" + t.storage().key());
		if (data == null) throw new ModelFormatException("the data of tensor " + name + " is missing from the archive");
		int size = TensorData.elementSize(t.storage().code());
		long count = data.length / size;
		long last = t.offset();
		for (int i = 0; i < t.shape().length; i++) {
			if (t.shape()[i] < 0 || t.strides()[i] < 0)
				throw new ModelFormatException("tensor " + name + " has an invalid layout");
			if (t.shape()[i] == 0) last = -1;
			if (last >= 0) last += (t.shape()[i] - 1) * t.strides()[i];
		}
		if (t.offset() < 0 || last >= count) {
			throw new ModelFormatException("tensor " + name + " points outside its storage; the file is damaged");
		}
		float[] flat = TensorData.decode(data, 0, count, t.storage().code(), order);
		try {
			return new Weights(t.shape(), Strided.toRowMajor(flat, t.shape(), t.strides(), t.offset()));
		}
		catch (ArithmeticException e) {
			throw new ModelFormatException("tensor " + name + " is too large", e);
		}
	}

	private static ByteOrder byteOrder(byte[] entry) {
		if (entry == null) return ByteOrder.LITTLE_ENDIAN;
		return new String(entry, StandardCharsets.US_ASCII).trim().equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
	}

}
