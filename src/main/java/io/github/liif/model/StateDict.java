package io.github.liif.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Named parameters with the reference implementation's state-dict names, in insertion order. */
public final class StateDict {

	private final Map<String, Weights> entries;

	public StateDict(Map<String, Weights> entries) {
		this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
	}

	public Weights get(String name) {
		Weights w = entries.get(name);
		if (w == null) throw new IllegalArgumentException("no parameter named " + name);
		return w;
	}

	public boolean contains(String name) {
		return entries.containsKey(name);
	}

	public Set<String> names() {
		return entries.keySet();
	}

	public Map<String, Weights> asMap() {
		return entries;
	}

	public long parameterCount() {
		return entries.values().stream().mapToLong(w -> w.data().length).sum();
	}
}
