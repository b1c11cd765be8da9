package io.github.liif.io;

import io.github.liif.model.ModelFormatException;
import io.github.liif.model.StateDict;
import io.github.liif.model.Weights;
import java.util.LinkedHashMap;
import java.util.Map;

/** A state dict stored as a NumPy {@code .npz}: one {@code .npy} per parameter, named by key. */
public final class Npz {

	private Npz() {}

	public static StateDict read(byte[] bytes) throws ModelFormatException {
		Map<String, Weights> out = new LinkedHashMap<>();
		for (Map.Entry<String, byte[]> e : ZipEntries.read(bytes, "the .npz file").entrySet()) {
			String name = e.getKey();
			if (!name.endsWith(".npy")) continue;
			try {
				out.put(name.substring(0, name.length() - 4), Npy.read(e.getValue()));
			}
			catch (ModelFormatException ex) {
				throw new ModelFormatException("array " + name + " in the .npz file: " + ex.getMessage(), ex);
			}
		}
		if (out.isEmpty()) throw new ModelFormatException("the .npz file holds no arrays");
		return new StateDict(out);
	}
}
