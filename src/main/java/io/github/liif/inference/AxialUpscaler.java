package io.github.liif.inference;

import io.github.liif.image.PlanarImage;
import java.util.Arrays;
import java.util.Locale;

/**
 * Upscales a volume along Z with a 2-D model: the model runs on every XZ plane (x across, z
 * down) and every YZ plane (y across, z down) with factor 1 across, so Z is the planes' vertical
 * axis (the one an axially trained model learned to restore); by default the two estimates are
 * averaged. Each plane goes through {@link Upscaler}, so tiling, the consistency step (which
 * then holds along Z) and cancellation are the 2-D ones. Memory: the input and output volumes
 * of one channel set, plus one plane in flight.
 */
public final class AxialUpscaler {

	/** Which planes run: both (averaged), or only one family. */
	public enum Planes {
		BOTH, XZ, YZ;

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Planes parse(String text) {
			try {
				return valueOf(text.trim().toUpperCase(Locale.ROOT));
			}
			catch (RuntimeException e) {
				throw new IllegalArgumentException("unknown Z planes '" + text + "': use both, xz or yz");
			}
		}
	}

	private final Upscaler upscaler;
	private final Planes planes;

	public AxialUpscaler(Upscaler upscaler, Planes planes) {
		this.upscaler = upscaler.alongRows();
		this.planes = planes;
	}

	/** Work units {@link #upscale} reports for a volume of height x width slices. */
	public static long work(int height, int width, int outSlices, Planes planes) {
		long voxels = (long) height * width * outSlices;
		return planes == Planes.BOTH ? 2 * voxels : voxels;
	}

	/**
	 * A volume of the image's channels (each packed slice after slice, {@code nz} slices of
	 * height x width) along Z, through the model by {@link ChannelPolicy}; packed results.
	 */
	public float[][] upscale(float[][] volume, int nz, int height, int width, int outSlices, Monitor monitor) {
		int pixels = height * width;
		return ChannelPolicy.throughModel(volume, upscaler.network().spec().inChannels(), v -> {
			PlanarImage[] slices = new PlanarImage[nz];
			for (int z = 0; z < nz; z++) {
				float[][] planes = new float[v.length][];
				for (int k = 0; k < v.length; k++) planes[k] = Arrays.copyOfRange(v[k], z * pixels, (z + 1) * pixels);
				slices[z] = new PlanarImage(height, width, planes);
			}
			PlanarImage[] up = upscale(slices, outSlices, monitor);
			float[][] joined = new float[v.length][outSlices * pixels];
			for (int z = 0; z < outSlices; z++) {
				for (int k = 0; k < v.length; k++) System.arraycopy(up[z].plane(k), 0, joined[k], z * pixels, pixels);
			}
			return joined;
		});
	}

	/** Work units of {@link #upscale(float[][], int, int, int, int, Monitor)} for an image of {@code channels}. */
	public long work(int channels, int height, int width, int outSlices) {
		int model = upscaler.network().spec().inChannels();
		int passes = channels == model || model != 1 ? 1 : channels;
		return work(height, width, outSlices, planes) * passes;
	}

	/**
	 * @param slices the volume, each slice H x W with the model's channels, in network space
	 * @param outSlices result slices (>= 1)
	 * @return the result's slices, H x W each
	 */
	public PlanarImage[] upscale(PlanarImage[] slices, int outSlices, Monitor monitor) {
		int nz = slices.length;
		int h = slices[0].height();
		int w = slices[0].width();
		int channels = slices[0].channels();
		PlanarImage[] out = new PlanarImage[outSlices];
		for (int z = 0; z < outSlices; z++) out[z] = PlanarImage.zeros(channels, h, w);
		ProgressChain progress = new ProgressChain(monitor, 0, work(h, w, outSlices, planes));
		float weight = planes == Planes.BOTH ? 0.5f : 1f;
		if (planes != Planes.YZ) {
			for (int y = 0; y < h; y++) {
				float[][] xz = new float[channels][nz * w];
				for (int c = 0; c < channels; c++) {
					for (int z = 0; z < nz; z++) System.arraycopy(slices[z].plane(c), y * w, xz[c], z * w, w);
				}
				PlanarImage up = upscaler.upscale(new PlanarImage(nz, w, xz), outSlices, w, progress);
				for (int c = 0; c < channels; c++) {
					float[] p = up.plane(c);
					for (int z = 0; z < outSlices; z++) System.arraycopy(p, z * w, out[z].plane(c), y * w, w);
				}
			}
		}
		if (planes != Planes.XZ) {
			boolean add = planes == Planes.BOTH;
			for (int x = 0; x < w; x++) {
				float[][] yz = new float[channels][nz * h];
				for (int c = 0; c < channels; c++) {
					for (int z = 0; z < nz; z++) {
						float[] src = slices[z].plane(c);
						for (int y = 0; y < h; y++) yz[c][z * h + y] = src[y * w + x];
					}
				}
				PlanarImage up = upscaler.upscale(new PlanarImage(nz, h, yz), outSlices, h, progress);
				for (int c = 0; c < channels; c++) {
					float[] p = up.plane(c);
					for (int z = 0; z < outSlices; z++) {
						float[] dst = out[z].plane(c);
						for (int y = 0; y < h; y++)
							dst[y * w + x] = add ? (dst[y * w + x] + p[z * h + y]) * weight : p[z * h + y];
					}
				}
			}
		}
		return out;
	}
}
