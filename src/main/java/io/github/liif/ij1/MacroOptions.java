package io.github.liif.ij1;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The keys of an ImageJ macro option string ({@code key=value key=[a value] flag}), read as ImageJ's Macro.getValue reads them. */
final class MacroOptions {

	private MacroOptions() {}

	/** The keys in {@code options}, in order, lower case. */
	static Set<String> keys(String options) {
		Set<String> keys = new LinkedHashSet<>();
		int i = 0;
		int n = options.length();
		while (i < n) {
			if (Character.isWhitespace(options.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < n && options.charAt(i) != '=' && !Character.isWhitespace(options.charAt(i))) i++;
			keys.add(options.substring(start, i).toLowerCase(Locale.ROOT));
			if (i < n && options.charAt(i) == '=') {
				i++;
				if (i < n && options.charAt(i) == '[') {
					// like Macro.getValue: a bracketed value ends at the first ']'
					int close = options.indexOf(']', i);
					i = close < 0 ? n : close + 1;
				}
				else {
					while (i < n && !Character.isWhitespace(options.charAt(i))) i++;
				}
			}
		}
		return keys;
	}

	/** Refuses a key that is not in {@code valid} (a typo would otherwise be ignored silently), listing the valid ones. */
	static void requireKnown(String options, List<String> valid) {
		for (String key : keys(options)) {
			if (!valid.contains(key)) {
				throw new IllegalArgumentException("unknown key '" + key + "': the keys are " + String.join(", ", valid));
			}
		}
	}
}
