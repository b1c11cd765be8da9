package io.github.liif.app;

/**
 * The size and origin of a voxel in the image's unit; the unit itself and the rest of an image
 * library's calibration stay with the adapter, which keeps them for the result.
 *
 * @param scaled whether the image has a calibration at all (a unit or a size other than 1)
 */
public record PixelCalibration(double pixelWidth, double pixelHeight, double pixelDepth, double xOrigin, double yOrigin,
	double zOrigin, boolean scaled)
{

	/** Pixels of size 1 at the origin, no unit. */
	public static final PixelCalibration NONE = new PixelCalibration(1, 1, 1, 0, 0, 0, false);

	/**
	 * The result's calibration: pixel size divided by the exact size ratio (voxel depth too when
	 * slices were added along Z), the origin moved to the region read. An uncalibrated image gives
	 * an uncalibrated result, as ImageJ's Image › Scale does: its pixels are the result's pixels, of
	 * size 1 (a size of 0.5 "pixels" would make ImageJ call the image calibrated and measure it in
	 * half pixels).
	 */
	PixelCalibration forResult(UpscalePlan plan, int x0, int y0) {
		double xo = (xOrigin - x0) * plan.outWidth() / plan.inWidth();
		double yo = (yOrigin - y0) * plan.outHeight() / plan.inHeight();
		double zo = zOrigin * plan.outZ() / plan.inZ();
		if (!scaled) return new PixelCalibration(1, 1, 1, xo, yo, zo, false);
		return new PixelCalibration(pixelWidth * (plan.inWidth() / (double) plan.outWidth()), pixelHeight * (plan.inHeight()
			/ (double) plan.outHeight()), pixelDepth * (plan.inZ() / (double) plan.outZ()), xo, yo, zo, true);
	}
}
