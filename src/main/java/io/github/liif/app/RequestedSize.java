package io.github.liif.app;

import io.github.liif.inference.TargetSize;
import io.github.liif.inference.ZScale;
import java.util.Optional;

/**
 * The one rule by which every front end (macro keys, SciJava parameters, command-line options)
 * turns the XY size a user gave into a {@link TargetSize}: a factor given for one axis only is the
 * other's too (as the dialog's linked scales); one factor for both axes excludes the others; a
 * width and height go together (0: not given, as the Recorder writes them) and, as in the
 * dialog, take precedence over the axes' factors; nothing given keeps the planes when Z is scaled.
 */
public final class RequestedSize {

	private RequestedSize() {}

	/**
	 * The size these values ask for; empty when none is given and Z is not scaled (the front end's
	 * default applies).
	 *
	 * @param both one factor for both axes (a macro's {@code scale}, the command line's --scale), or null
	 * @param x the horizontal factor, or null
	 * @param y the vertical factor, or null
	 * @param width the output width in pixels, 0 when not given
	 * @param height the output height in pixels, 0 when not given
	 * @param z the request's scale along Z
	 */
	public static Optional<TargetSize> given(Double both, Double x, Double y, int width, int height, ZScale z) {
		if (width < 0 || height < 0) {
			throw new IllegalArgumentException("width and height must be >= 0 (0: use the scales), got " + width + " x "
				+ height);
		}
		boolean sized = width > 0 || height > 0;
		if (both != null && (x != null || y != null || sized)) {
			throw new IllegalArgumentException("scale sets both axes: give scale alone, or scale_x and/or scale_y, or width "
				+ "and height");
		}
		if (sized) {
			if (width == 0 || height == 0) {
				throw new IllegalArgumentException("width and height go together (0 for both: use the scales), got width " + width
					+ " and height " + height);
			}
			return Optional.of(TargetSize.size(width, height));
		}
		if (both != null) return Optional.of(TargetSize.scale(both));
		if (x != null || y != null) return Optional.of(TargetSize.scales(x != null ? x : y, y != null ? y : x));
		// a Z scale alone keeps the planes' size
		return z.isNone() ? Optional.empty() : Optional.of(TargetSize.scale(1));
	}
}
