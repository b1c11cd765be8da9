package io.github.liif.inference;

/** A rectangle of an upscale's output, in output pixels. */
public record OutputRegion(int y0, int x0, int height, int width) {

	public OutputRegion {
		if (y0 < 0 || x0 < 0 || height < 1 || width < 1) {
			throw new IllegalArgumentException("invalid output region " + width + " x " + height + " at (" + x0 + ", " + y0
				+ ")");
		}
	}

	public static OutputRegion whole(int height, int width) {
		return new OutputRegion(0, 0, height, width);
	}

	public long pixels() {
		return (long) height * width;
	}

	void checkInside(int outHeight, int outWidth) {
		if ((long) y0 + height > outHeight || (long) x0 + width > outWidth) {
			throw new IllegalArgumentException("output region " + this + " is outside the " + outWidth + " x " + outHeight
				+ " output");
		}
	}
}
