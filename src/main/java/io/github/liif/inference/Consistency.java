package io.github.liif.inference;

import io.github.liif.image.AxisTaps;
import io.github.liif.image.Degradation;
import java.io.Serializable;
import java.util.Locale;

/**
 * Data consistency: after the network, {@code steps} steps of back-projection make the result
 * agree with the input under a degradation D: x <- x + U(y - D(x)), U PIL's bicubic upsampling.
 * The result then keeps the input's colours and intensities (its low frequencies) whatever the
 * model does. The degradation is the model's own training degradation unless one is given.
 *
 * @param steps 0: off
 * @param degradation D, or null for the model's training degradation (resolved before upscaling)
 * @param rowBlur a Gaussian (in output pixels) D applies along rows first: an axially trained
 *          model's PSF along Z, taken over by "auto"; 0 otherwise
 */
public record Consistency(int steps, Degradation degradation, double rowBlur) implements Serializable {

	public Consistency(int steps, Degradation degradation) {
		this(steps, degradation, 0);
	}

	public static final Consistency OFF = new Consistency(0, null);
	/** What every front end uses unless told otherwise: one step under the model's own degradation (measured: README, Quality). */
	public static final String DEFAULT_ID = "auto";
	public static final Consistency DEFAULT = parse(DEFAULT_ID);
	/** The choices front ends list (any degradation also takes :STEPS). */
	public static final String[] CHOICES = { "auto", "off", "bicubic", "area", "blur-noise" };

	public Consistency {
		if (steps < 0 || steps > 8) throw new IllegalArgumentException("consistency steps must be 0 to 8, got " + steps);
		if (!(rowBlur >= 0)) throw new IllegalArgumentException("the row blur must be >= 0, got " + rowBlur);
	}

	public boolean isOff() { return steps == 0; }

	/** This choice for a model trained with {@code modelDegradation}: "auto" becomes that degradation. */
	public Consistency resolvedFor(Degradation modelDegradation) {
		return resolvedFor(modelDegradation, 0);
	}

	/** As {@link #resolvedFor(Degradation)}, for a model trained along rows after a blur of {@code modelRowBlur} HR pixels. */
	public Consistency resolvedFor(Degradation modelDegradation, double modelRowBlur) {
		return isOff() || degradation != null ? this : new Consistency(steps, modelDegradation, modelRowBlur);
	}

	/**
	 * Parses a front end's choice: {@code off}, {@code auto} (one step, the model's degradation),
	 * {@code bicubic}, {@code area}, {@code blur-noise}; a degradation may be followed by
	 * {@code :N} for N steps (e.g. {@code bicubic:2}).
	 */
	public static Consistency parse(String text) {
		String t = text.trim().toLowerCase(Locale.ROOT);
		if (t.equals("off") || t.equals("none")) return OFF;
		int colon = t.indexOf(':');
		String name = colon < 0 ? t : t.substring(0, colon);
		int steps = 1;
		if (colon >= 0) {
			try {
				steps = Integer.parseInt(t.substring(colon + 1));
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("consistency steps must be a number: '" + text + "'");
			}
		}
		if (name.equals("auto")) return new Consistency(steps, null);
		try {
			return new Consistency(steps, Degradation.parse(name));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("unknown consistency '" + text + "': use off, auto, bicubic, area or blur-noise"
				+ " (optionally :STEPS, e.g. bicubic:2)");
		}
	}

	/** The choice as {@link #parse} reads it (for macros, provenance and messages). */
	public String id() {
		if (isOff()) return "off";
		String name = degradation == null ? "auto" : degradation.id();
		String id = steps == 1 ? name : name + ":" + steps;
		return rowBlur > 0 ? id + String.format(Locale.ROOT, " after a blur of %.3g pixels along Z (axial model)", rowBlur) : id;
	}

	/** D along the rows (the axis an axial model restores), HR size to LR size. */
	AxisTaps rowReduction(int hrSize, int lrSize, double sigma) {
		return AxisTaps.blurred(degradation.taps(hrSize, lrSize, sigma), hrSize, rowBlur);
	}

	/** D along the columns. */
	AxisTaps columnReduction(int hrSize, int lrSize, double sigma) {
		return degradation.taps(hrSize, lrSize, sigma);
	}
}
