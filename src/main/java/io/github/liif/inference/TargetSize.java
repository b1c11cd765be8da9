package io.github.liif.inference;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * The requested output size: scale factors per axis or an explicit size in output pixels.
 * Any real scale >= 1 is allowed; the output size of a scale is {@code round(size * scale)}.
 */
public final class TargetSize implements Serializable {

	private static final long serialVersionUID = 1L;

	private final double scaleX;
	private final double scaleY;
	private final int width;
	private final int height;

	private TargetSize(double scaleX, double scaleY, int width, int height) {
		this.scaleX = scaleX;
		this.scaleY = scaleY;
		this.width = width;
		this.height = height;
	}

	public static TargetSize scales(double scaleX, double scaleY) {
		checkScale("scale x", scaleX);
		checkScale("scale y", scaleY);
		return new TargetSize(scaleX, scaleY, 0, 0);
	}

	public static TargetSize scale(double scale) {
		return scales(scale, scale);
	}

	public static TargetSize size(int width, int height) {
		if (width < 1 || height < 1) {
			throw new IllegalArgumentException("output size must be positive, got " + width + " x " + height);
		}
		return new TargetSize(0, 0, width, height);
	}

	private static void checkScale(String name, double s) {
		if (!Double.isFinite(s) || s < 1) {
			throw new IllegalArgumentException(name + " must be a number >= 1 (LIIF upscales; use ImageJ's "
				+ "Image > Scale to shrink), got " + s);
		}
	}

	/** Output width for an input of the given width. */
	public long width(int inWidth) {
		return width > 0 ? checked(width, inWidth, "width") : Math.max(1, Math.round(inWidth * scaleX));
	}

	/** Output height for an input of the given height. */
	public long height(int inHeight) {
		return height > 0 ? checked(height, inHeight, "height") : Math.max(1, Math.round(inHeight * scaleY));
	}

	private static long checked(int out, int in, String axis) {
		if (out < in) {
			throw new IllegalArgumentException("the output " + axis + " " + out + " is smaller than the input's " + in
				+ ": LIIF only upscales");
		}
		return out;
	}

	/**
	 * The output plane {width, height} for an input plane, refused with the numbers and what to do
	 * when it would not fit one array (2^31 - 1 pixels, ImageJ's limit per plane too).
	 *
	 * @param remedy what the user can do instead, ending the message
	 */
	public int[] plane(int inWidth, int inHeight, String remedy) {
		long w = width(inWidth);
		long h = height(inHeight);
		// w * h overflows a long for factors near 1e9: the product in double, which is exact enough to refuse
		double pixels = (double) w * h;
		if (pixels > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("the result would be " + w + " x " + h + " = " + (pixels < 1e15 ? String.valueOf(w
				* h) : String.format(Locale.ROOT, "%.3g", pixels)) + " pixels per plane, more than one plane holds "
				+ "(2^31 - 1): " + remedy);
		}
		return new int[]{ (int) w, (int) h };
	}

	/** For titles: the requested scales ("2.5x3"), or the exact ratios an explicit size gives. */
	public String label(int inWidth, int inHeight) {
		double x = width > 0 ? width / (double) inWidth : scaleX;
		double y = height > 0 ? height / (double) inHeight : scaleY;
		return number(x) + "x" + number(y);
	}

	private static String number(double v) {
		String s = String.format(Locale.ROOT, "%.3f", v);
		return s.replaceAll("0+$", "").replaceAll("\\.$", "");
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof TargetSize t && scaleX == t.scaleX && scaleY == t.scaleY && width == t.width && height == t.height;
	}

	@Override
	public int hashCode() {
		return Objects.hash(scaleX, scaleY, width, height);
	}

	@Override
	public String toString() {
		return width > 0 ? width + "x" + height : scaleX + "x" + scaleY;
	}
}
