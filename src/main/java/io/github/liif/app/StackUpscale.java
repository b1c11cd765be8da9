package io.github.liif.app;

import io.github.liif.image.PlanarImage;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.ChannelPolicy;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.OutputRegion;
import io.github.liif.inference.ProgressChain;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.Upscaler;
import io.github.liif.inference.ZScale;
import io.github.liif.normalize.IntensityRange;
import io.github.liif.normalize.SampleEncoding;
import java.util.Arrays;

/**
 * Upscales every plane of an image (any type, any C/Z/T) with one model to one size, in memory:
 * along Z first when asked (the model on XZ and YZ planes, see {@link AxialUpscaler}), then
 * every slice in XY; in network space throughout, so intensities are quantised once. Channels
 * meet the model by the one {@link ChannelPolicy}; the blocks go to a {@link ResultSink}.
 */
public final class StackUpscale {

	private final Upscaler upscaler;
	private final AxialUpscaler.Planes zPlanes;

	/** @param zPlanes which planes a Z scale runs on */
	public StackUpscale(Upscaler upscaler, AxialUpscaler.Planes zPlanes) {
		this.upscaler = upscaler;
		this.zPlanes = zPlanes;
	}

	public void upscale(ImageData image, TargetSize size, ZScale z, boolean float32, ResultSink sink, Monitor monitor) {
		UpscalePlan plan = UpscalePlan.of(image, size, z, float32, upscaler.network().spec().inChannels());
		plan.checkMemory();
		IntensityRange[] ranges = IntensityMapping.ranges(image);
		String label = size.label(plan.inWidth(), plan.inHeight()) + (plan.alongZ() ? "x" + z.id() + "z" : "");
		String provenance = "LIIF " + upscaler.network().spec() + "; consistency " + upscaler.options().consistency().id()
			+ (upscaler.options().ensemble() > 1 ? "; self-ensemble of " + upscaler.options().ensemble() : "") + (plan.alongZ()
				? "; along Z " + image.slices() + " -> " + plan.outZ() + " slices (" + zPlanes.id() + " planes)" : "");
		sink.begin(new ResultLayout(plan, plan.outputChannels(image.channels()), image.frames(), image.calibration().forResult(
			plan, image.x0(), image.y0()), label, provenance));
		if (plan.alongZ()) alongZ(image, plan, ranges, sink, monitor);
		else slices(image, plan, ranges, sink, monitor);
	}

	/**
	 * Where the model invented: per result pixel and channel the spread (standard deviation) of its
	 * predictions on the flips and rotations of the input, before any consistency step, in the
	 * image's own units, as a 32-bit result of the same size and calibration (RGB: one channel per
	 * colour). Not along Z.
	 */
	public void uncertainty(ImageData image, TargetSize size, ResultSink sink, Monitor monitor) {
		UpscalePlan plan = UpscalePlan.of(image, size, ZScale.NONE, true, upscaler.network().spec().inChannels());
		plan.checkMemory();
		IntensityRange[] ranges = IntensityMapping.ranges(image);
		String label = size.label(plan.inWidth(), plan.inHeight()) + "-uncertainty";
		String provenance = "LIIF uncertainty: standard deviation of " + (upscaler.options().consistency().rowBlur() > 0 ? 4 : 8)
			+ " predictions on flips and rotations of the input, before the consistency step; " + upscaler.network().spec();
		sink.begin(new ResultLayout(plan, plan.outputChannels(image.channels()), image.frames(), image.calibration().forResult(
			plan, image.x0(), image.y0()), label, provenance));
		int h = plan.inHeight();
		int w = plan.inWidth();
		eachPlane(image, plan, ranges, monitor, (unit, range, s, sliceMonitor) -> {
			int first = s * plan.slicesPerPlane();
			double levels = range.levelsPerUnit();
			ChannelPolicy.ChannelSink spread = (k, y0, x0, bh, bw, values) -> {
				float[] samples = new float[values.length];
				for (int i = 0; i < samples.length; i++) samples[i] = (float) (values[i] * levels);
				sink.write(first + k, 0, y0, x0, bh, bw, samples);
			};
			ChannelPolicy.throughModel(unit, upscaler.network().spec().inChannels(), (v, tiles) -> upscaler.uncertainty(
				new PlanarImage(h, w, v), plan.outHeight(), plan.outWidth(), OutputRegion.whole(plan.outHeight(), plan
					.outWidth()), tiles, sliceMonitor), spread);
		});
	}

	/** Every plane in XY, one after another. */
	private void slices(ImageData image, UpscalePlan plan, IntensityRange[] ranges, ResultSink sink, Monitor monitor) {
		eachPlane(image, plan, ranges, monitor, (unit, range, s, sliceMonitor) -> outputSlices(unit, plan, range, s, sink,
			sliceMonitor));
	}

	/** What is done with one input plane: its colours in network space, its range, its index, its share of the progress. */
	private interface PlaneWork {
		void run(float[][] unit, IntensityRange range, int plane, Monitor monitor);
	}

	/** Every input plane in network space, in ImageJ's order (channel fastest, then Z, then frame), with progress. */
	private static void eachPlane(ImageData image, UpscalePlan plan, IntensityRange[] ranges, Monitor monitor, PlaneWork work) {
		int nc = image.channels();
		int nz = image.slices();
		int planes = image.planes();
		long perPlane = (long) plan.outWidth() * plan.outHeight() * plan.passesPerSlice();
		for (int s = 0; s < planes; s++) {
			monitor.plane(s + 1, planes);
			int c = s % nc;
			work.run(IntensityMapping.unitPlane(image, c, s / nc % nz, s / (nc * nz), ranges[c]), ranges[c], s, new ProgressChain(
				monitor, perPlane * s, perPlane * planes));
		}
	}

	/** Per channel and frame: the volume along Z, then each new slice in XY. */
	private void alongZ(ImageData image, UpscalePlan plan, IntensityRange[] ranges, ResultSink sink, Monitor monitor) {
		int nc = image.channels();
		int nt = image.frames();
		int outZ = plan.outZ();
		int w = plan.inWidth();
		int h = plan.inHeight();
		AxialUpscaler axial = new AxialUpscaler(upscaler, zPlanes);
		long zWork = axial.work(plan.colours(), h, w, outZ);
		long xyWork = plan.alongXY() ? (long) plan.outWidth() * plan.outHeight() * plan.passesPerSlice() * outZ : 0;
		long total = (zWork + xyWork) * nc * nt;
		int volumes = 0;
		for (int t = 0; t < nt; t++) {
			for (int c = 0; c < nc; c++) {
				monitor.plane(volumes + 1, nc * nt);
				Monitor volumeMonitor = new ProgressChain(monitor, (zWork + xyWork) * volumes++, total);
				float[][] upZ = axial.upscale(IntensityMapping.volume(image, c, t, ranges[c]), plan.inZ(), h, w, outZ,
					volumeMonitor);
				for (int z = 0; z < outZ; z++) {
					outputSlices(section(upZ, z, w * h), plan, ranges[c], (t * outZ + z) * nc + c, sink, volumeMonitor);
				}
			}
		}
	}

	/** Slice z of packed volumes: one copy per channel. */
	private static float[][] section(float[][] packed, int z, int pixels) {
		float[][] out = new float[packed.length][];
		for (int k = 0; k < packed.length; k++) out[k] = Arrays.copyOfRange(packed[k], z * pixels, (z + 1) * pixels);
		return out;
	}

	/**
	 * The output slices of input plane {@code plane} (one packed RGB slice, or one slice per
	 * colour), its colours through the model in XY, or as they are when only Z changes.
	 */
	private void outputSlices(float[][] planes, UpscalePlan plan, IntensityRange range, int plane, ResultSink sink, Monitor m) {
		boolean packed = plan.packedRgb();
		int first = plane * plan.slicesPerPlane();
		int bits = plan.sampleBits();
		ChannelPolicy.ChannelSink encoded = (c, y0, x0, h, w, values) -> sink.write(packed ? first : first + c, packed ? c : 0,
			y0, x0, h, w, encode(values, range, bits));
		int h = plan.inHeight();
		int w = plan.inWidth();
		if (!plan.alongXY()) {
			for (int c = 0; c < planes.length; c++) encoded.accept(c, 0, 0, h, w, planes[c]);
			return;
		}
		ChannelPolicy.throughModel(planes, upscaler.network().spec().inChannels(), (v, tiles) -> upscaler.upscale(new PlanarImage(
			h, w, v), plan.outHeight(), plan.outWidth(), tiles, m), encoded);
	}

	/** Network values as stored samples (a new array: the network's may still be in use). */
	static float[] encode(float[] values, IntensityRange range, int bits) {
		float[] samples = new float[values.length];
		for (int i = 0; i < values.length; i++) samples[i] = (float) SampleEncoding.encode(values[i], range, bits);
		return samples;
	}
}
