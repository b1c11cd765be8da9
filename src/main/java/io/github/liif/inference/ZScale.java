package io.github.liif.inference;

import java.io.Serializable;
import java.util.Locale;

/**
 * The requested scale along Z: none, a factor, or "isotropic" (the factor that makes the voxel
 * depth equal the result's pixel width). Output slices are {@code round(slices * factor)}.
 */
public final class ZScale implements Serializable {

	private static final long serialVersionUID = 1L;

	/** Slices as they are. */
	public static final ZScale NONE = new ZScale(1, false);
	/** The macro value and CLI word for {@link #isotropic()}. */
	public static final String ISOTROPIC = "isotropic";

	private final double factor;
	private final boolean isotropic;

	private ZScale(double factor, boolean isotropic) {
		this.factor = factor;
		this.isotropic = isotropic;
	}

	public static ZScale factor(double factor) {
		if (!Double.isFinite(factor) || factor < 1) {
			throw new IllegalArgumentException("scale_z must be a number >= 1 or '" + ISOTROPIC + "' (LIIF upscales), got "
				+ factor);
		}
		return factor == 1 ? NONE : new ZScale(factor, false);
	}

	public static ZScale isotropic() {
		return new ZScale(Double.NaN, true);
	}

	/** A front end's text: a number >= 1 or "isotropic"; blank is {@link #NONE}. */
	public static ZScale parse(String text) {
		String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (t.isEmpty()) return NONE;
		if (t.equals(ISOTROPIC)) return isotropic();
		try {
			return factor(Double.parseDouble(t));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("scale_z must be a number >= 1 or '" + ISOTROPIC + "', got '" + text + "'");
		}
	}

	public boolean isNone() { return this == NONE || (!isotropic && factor == 1); }

	/**
	 * The output slice count.
	 *
	 * @param voxelDepth the input's slice spacing, in the unit of {@code resultPixelWidth}
	 * @param resultPixelWidth the result's pixel width (after any XY scale)
	 * @param calibrated whether the image has a spatial calibration (isotropic needs one)
	 */
	public int slices(int slices, double voxelDepth, double resultPixelWidth, boolean calibrated) {
		if (!isotropic) return count(slices, Math.round(slices * factor));
		if (!calibrated || !(voxelDepth > 0) || !(resultPixelWidth > 0)) {
			throw new IllegalArgumentException("scale_z=isotropic needs the voxel size: set it with Image > Properties... "
				+ "(or give scale_z as a number)");
		}
		double f = voxelDepth / resultPixelWidth;
		if (f < 1 - 1e-9) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"the voxels are already finer along Z (depth %.4g) than "
					+ "the result's pixel width (%.4g): isotropic would shrink Z; LIIF only upscales", voxelDepth,
				resultPixelWidth));
		}
		return count(slices, Math.round(slices * f));
	}

	private static int count(int slices, long out) {
		if (out > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("along Z the result would have " + out + " slices (from " + slices
				+ "), more than a stack holds (2^31): choose a smaller scale_z");
		}
		return (int) Math.max(1, out);
	}

	/** For titles and provenance: "z4", "z2.5", "isotropic". */
	public String id() {
		if (isotropic) return ISOTROPIC;
		String s = String.format(Locale.ROOT, "%.3f", factor);
		return s.replaceAll("0+$", "").replaceAll("\\.$", "");
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ZScale z && isotropic == z.isotropic && (isotropic || factor == z.factor);
	}

	@Override
	public int hashCode() {
		return isotropic ? 1 : Double.hashCode(factor);
	}

	@Override
	public String toString() {
		return id();
	}
}
