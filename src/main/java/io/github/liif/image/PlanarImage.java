package io.github.liif.image;

import java.util.Arrays;

/**
 * A float image of C channels, each a row-major H x W plane. The core's image type: values in
 * [0, 1] for the network (outside is allowed), no ImageJ types. Planes are shared, not copied.
 */
public final class PlanarImage {

	private final int channels;
	private final int height;
	private final int width;
	private final float[][] planes;

	public PlanarImage(int height, int width, float[][] planes) {
		if (height < 1 || width < 1 || planes.length < 1) {
			throw new IllegalArgumentException("empty image: " + width + " x " + height + " x " + planes.length);
		}
		long n = (long) height * width;
		for (float[] p : planes) {
			if (p.length != n) throw new IllegalArgumentException("plane holds " + p.length + " values, expected " + n);
		}
		this.channels = planes.length;
		this.height = height;
		this.width = width;
		this.planes = planes;
	}

	public static PlanarImage zeros(int channels, int height, int width) {
		long n = (long) height * width;
		if (n > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(width + " x " + height + " = " + n
				+ " pixels is more than one Java array can hold (2^31)");
		}
		return new PlanarImage(height, width, new float[channels][(int) n]);
	}

	public int channels() {
		return channels;
	}

	public int height() {
		return height;
	}

	public int width() {
		return width;
	}

	/** The plane of channel c, row-major; shared, not copied. */
	public float[] plane(int c) {
		return planes[c];
	}

	/** Every channel's plane (a new array of the shared planes). */
	public float[][] planes() {
		return planes.clone();
	}

	public float get(int c, int y, int x) {
		return planes[c][y * width + x];
	}

	/** Copies the window [y0, y0+h) x [x0, x0+w) of every channel, channel-major (C, h, w). */
	public float[] copyWindow(int y0, int x0, int h, int w) {
		float[] out = new float[channels * h * w];
		int o = 0;
		for (int c = 0; c < channels; c++) {
			for (int y = y0; y < y0 + h; y++) {
				System.arraycopy(planes[c], y * width + x0, out, o, w);
				o += w;
			}
		}
		return out;
	}

	/** A copy of the centred window of at most maxH x maxW pixels. */
	public PlanarImage centreCrop(int maxH, int maxW) {
		int h = Math.min(height, maxH);
		int w = Math.min(width, maxW);
		if (h == height && w == width) return this;
		int y0 = (height - h) / 2;
		int x0 = (width - w) / 2;
		float[] window = copyWindow(y0, x0, h, w);
		float[][] out = new float[channels][];
		for (int c = 0; c < channels; c++) out[c] = Arrays.copyOfRange(window, c * h * w, (c + 1) * h * w);
		return new PlanarImage(h, w, out);
	}
}
