package io.github.liif.imagej;

import ij.ImagePlus;
import io.github.liif.app.PlaneJob;
import io.github.liif.app.StackUpscale;
import io.github.liif.inference.AxialUpscaler;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.Upscaler;
import io.github.liif.inference.ZScale;
import java.io.IOException;
import java.nio.file.Path;

/** The application's upscales of ImagePlus images with a given upscaler (a test's own network), no model lookup. */
public final class InjectedUpscales {

	private InjectedUpscales() {}

	public static ImagePlus inMemory(Upscaler upscaler, ImagePlus imp, TargetSize size, boolean float32) {
		return inMemory(upscaler, imp, size, ZScale.NONE, float32, Monitor.NONE);
	}

	public static ImagePlus inMemory(Upscaler upscaler, ImagePlus imp, TargetSize size, ZScale z, boolean float32,
		Monitor monitor)
	{
		ImagePlusResult result = new ImagePlusResult(imp);
		new StackUpscale(upscaler, AxialUpscaler.Planes.BOTH).upscale(ImagePlusData.of(imp), size, z, float32, result, monitor);
		return result.image();
	}

	public static boolean streams(Upscaler upscaler, ImagePlus imp, boolean float32) {
		return PlaneJob.supports(ImagePlusData.of(imp), float32, upscaler.network().spec().inChannels());
	}

	public static void streamedTiff(Upscaler upscaler, ImagePlus imp, TargetSize size, boolean float32, Path file,
		boolean overwrite, Monitor monitor) throws IOException
	{
		ImagePlusData image = ImagePlusData.of(imp);
		new ImageJFiles().writeTiff(PlaneJob.prepare(upscaler, image, size, float32), image, file, overwrite, monitor);
	}
}
