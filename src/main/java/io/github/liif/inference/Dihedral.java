package io.github.liif.inference;

import io.github.liif.image.PlanarImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the 8 flips and rotations of an image (its rows and columns flipped or not, then
 * transposed or not), for the self-ensemble: LIIF's sampling grid is symmetric, so the model's
 * prediction at a point of the transformed input, mapped back, predicts the same point again.
 */
record Dihedral(boolean flipRows, boolean flipColumns, boolean transpose) {

	/** All 8. */
	static final List<Dihedral> ALL = all(true);
	/** The 4 that keep rows as rows (for models trained along one axis, and along Z). */
	static final List<Dihedral> FLIPS = all(false);

	private static List<Dihedral> all(boolean withTransposes) {
		List<Dihedral> out = new ArrayList<>();
		for (int t = 0; t < (withTransposes ? 2 : 1); t++) {
			for (int r = 0; r < 2; r++) for (int c = 0; c < 2; c++) out.add(new Dihedral(r == 1, c == 1, t == 1));
		}
		return List.copyOf(out);
	}

	/** A transformed copy of {@code image}. */
	PlanarImage apply(PlanarImage image) {
		int h = image.height();
		int w = image.width();
		int th = height(h, w);
		int tw = width(h, w);
		float[][] planes = new float[image.channels()][th * tw];
		for (int c = 0; c < planes.length; c++) {
			float[] in = image.plane(c);
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					int a = flipRows ? h - 1 - y : y;
					int b = flipColumns ? w - 1 - x : x;
					planes[c][transpose ? b * tw + a : a * tw + b] = in[y * w + x];
				}
			}
		}
		return new PlanarImage(th, tw, planes);
	}

	/** Height of the transformed image of an h x w one. */
	int height(int h, int w) {
		return transpose ? w : h;
	}

	int width(int h, int w) {
		return transpose ? h : w;
	}

	/** Where {@code region} of an h x w image lies in the transformed image. */
	OutputRegion region(OutputRegion region, int h, int w) {
		int y0 = flipRows ? h - region.y0() - region.height() : region.y0();
		int x0 = flipColumns ? w - region.x0() - region.width() : region.x0();
		return transpose ? new OutputRegion(x0, y0, region.width(), region.height()) : new OutputRegion(y0, x0, region.height(),
			region.width());
	}

	/** The row in the h x w image of pixel (ty, tx) of the transformed one. */
	int row(int ty, int tx, int h) {
		int a = transpose ? tx : ty;
		return flipRows ? h - 1 - a : a;
	}

	int column(int ty, int tx, int w) {
		int b = transpose ? ty : tx;
		return flipColumns ? w - 1 - b : b;
	}
}
