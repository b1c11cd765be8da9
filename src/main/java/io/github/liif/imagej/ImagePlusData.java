package io.github.liif.imagej;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import io.github.liif.app.ImageData;
import io.github.liif.app.PixelCalibration;
import java.awt.Rectangle;

/**
 * An ImagePlus as the application reads it: any type, any C/Z/T, limited to the bounding
 * rectangle of an area ROI in every slice. The image is only read.
 */
public record ImagePlusData(ImagePlus imp, Rectangle region) implements ImageData {

	/** The image, limited to its area ROI if it has one. */
	public static ImagePlusData of(ImagePlus imp) {
		if (imp == null) throw new IllegalArgumentException("no image: open an image first");
		return new ImagePlusData(imp, region(imp));
	}

	/** The whole image, whatever its ROI. */
	public static ImagePlusData whole(ImagePlus imp) {
		return new ImagePlusData(imp, new Rectangle(0, 0, imp.getWidth(), imp.getHeight()));
	}

	/** Input region: the bounding box of an area ROI, else the whole image. */
	public static Rectangle region(ImagePlus imp) {
		Roi roi = imp.getRoi();
		if (roi != null && roi.isArea()) {
			Rectangle r = roi.getBounds().intersection(new Rectangle(0, 0, imp.getWidth(), imp.getHeight()));
			if (!r.isEmpty()) return r;
		}
		return new Rectangle(0, 0, imp.getWidth(), imp.getHeight());
	}

	/** The input's calibration with a result's pixel size and origin (unit, value function and the rest kept). */
	public static Calibration resultCalibration(ImagePlus input, PixelCalibration result) {
		Calibration cal = input.getCalibration().copy();
		cal.pixelWidth = result.pixelWidth();
		cal.pixelHeight = result.pixelHeight();
		cal.pixelDepth = result.pixelDepth();
		cal.xOrigin = result.xOrigin();
		cal.yOrigin = result.yOrigin();
		cal.zOrigin = result.zOrigin();
		return cal;
	}

	@Override
	public String name() {
		return imp.getTitle();
	}

	@Override
	public int width() {
		return region.width;
	}

	@Override
	public int height() {
		return region.height;
	}

	@Override
	public int x0() {
		return region.x;
	}

	@Override
	public int y0() {
		return region.y;
	}

	@Override
	public int channels() {
		return imp.getNChannels();
	}

	@Override
	public int slices() {
		return imp.getNSlices();
	}

	@Override
	public int frames() {
		return imp.getNFrames();
	}

	@Override
	public int bitDepth() {
		return imp.getBitDepth();
	}

	@Override
	public boolean palette() {
		return imp.getType() == ImagePlus.COLOR_256;
	}

	@Override
	public PixelCalibration calibration() {
		Calibration cal = imp.getCalibration();
		return new PixelCalibration(cal.pixelWidth, cal.pixelHeight, cal.pixelDepth, cal.xOrigin, cal.yOrigin, cal.zOrigin, cal
			.scaled());
	}

	@Override
	public float[] plane(int c, int z, int t, int colour) {
		ImageProcessor ip = imp.getStack().getProcessor(imp.getStackIndex(c + 1, z + 1, t + 1));
		if (region.x == 0 && region.y == 0 && region.width == ip.getWidth() && region.height == ip.getHeight()) {
			return PlaneCodec.raw(ip, colour);
		}
		ip.setRoi(region);
		return PlaneCodec.raw(ip.crop(), colour);
	}
}
