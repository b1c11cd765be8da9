import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ImageProcessor;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * The inputs of tools/record_outputs.sh: small crops of test-images/ of every kind the upscale
 * takes (8/16/32-bit, RGB, RGBA, JPEG, multi-channel hyperstack, Z-stack), made the same way every
 * time so that recordings of two builds see the same files. Run with ImageJ on the class path:
 * java -cp 'target/lib/*' tools/record/MakeInputs.java TEST_IMAGES OUT
 */
public class MakeInputs {

	public static void main(String[] args) throws Exception {
		String images = args[0];
		String out = args[1];
		new File(out, "batch").mkdirs();
		ImagePlus rgb = crop(IJ.openImage(images + "/motorcycle.png"), 40, 30, 64, 48);
		new FileSaver(rgb.duplicate()).saveAsPng(out + "/rgb.png");
		new FileSaver(rgb.duplicate()).saveAsTiff(out + "/rgb.tif");
		new FileSaver(rgb.duplicate()).saveAsJpeg(out + "/rgb.jpg");
		ImagePlus nuclei = IJ.openImage(images + "/nuclei-16bit.tif");
		ImagePlus gray16 = crop(nuclei, 20, 30, 56, 48);
		gray16.getCalibration().pixelWidth = 0.25;
		gray16.getCalibration().pixelHeight = 0.25;
		gray16.getCalibration().setUnit("um");
		new FileSaver(gray16).saveAsTiff(out + "/gray16.tif");
		ImagePlus gray32 = new ImagePlus("gray32", gray16.getProcessor().convertToFloat());
		gray32.getProcessor().multiply(0.01);
		gray32.setCalibration(gray16.getCalibration().copy());
		new FileSaver(gray32).saveAsTiff(out + "/gray32.tif");
		ImagePlus em = IJ.openImage(images + "/em-c-elegans-64.tif");
		ImagePlus gray8 = new ImagePlus("gray8", em.getStack().getProcessor(5).duplicate());
		new FileSaver(gray8).saveAsTiff(out + "/gray8.tif");
		new FileSaver(gray8).saveAsTiff(out + "/batch/gray8.tif");
		new FileSaver(rgb.duplicate()).saveAsPng(out + "/batch/rgb.png");
		ImageStack z = new ImageStack(32, 32);
		for (int s = 1; s <= 8; s++) {
			ImageProcessor ip = em.getStack().getProcessor(s);
			ip.setRoi(10, 12, 32, 32);
			z.addSlice(ip.crop());
		}
		ImagePlus zstack = new ImagePlus("zstack8", z);
		zstack.getCalibration().pixelWidth = 1;
		zstack.getCalibration().pixelHeight = 1;
		zstack.getCalibration().pixelDepth = 2.5;
		zstack.getCalibration().setUnit("nm");
		new FileSaver(zstack).saveAsTiff(out + "/zstack8.tif");
		ImageStack h = new ImageStack(40, 36);
		for (int s = 0; s < 3; s++) {
			for (int c = 0; c < 2; c++) {
				ImageProcessor ip = nuclei.getProcessor().duplicate();
				ip.setRoi(10 + 20 * c + 5 * s, 15 + 7 * s, 40, 36);
				ImageProcessor p = ip.crop();
				if (c == 1) p.multiply(0.3);
				h.addSlice(p);
			}
		}
		ImagePlus hyper = new ImagePlus("hyper16", h);
		hyper.setDimensions(2, 3, 1);
		hyper.getCalibration().pixelWidth = 0.5;
		hyper.getCalibration().pixelHeight = 0.5;
		hyper.getCalibration().pixelDepth = 1.5;
		hyper.getCalibration().setUnit("um");
		CompositeImage composite = new CompositeImage(hyper, CompositeImage.COMPOSITE);
		new FileSaver(composite).saveAsTiff(out + "/hyper16.tif");
		new FileSaver(composite).saveAsTiff(out + "/batch/hyper16.tif");
		BufferedImage rgba = new BufferedImage(48, 40, BufferedImage.TYPE_INT_ARGB);
		int[] px = (int[]) rgb.getProcessor().getPixels();
		for (int y = 0; y < 40; y++) {
			for (int x = 0; x < 48; x++) rgba.setRGB(x, y, ((x * 5 + y * 3) & 0xff) << 24 | px[y * 64 + x] & 0xffffff);
		}
		ImageIO.write(rgba, "png", new File(out, "rgba.png"));
	}

	private static ImagePlus crop(ImagePlus imp, int x, int y, int w, int h) {
		ImageProcessor ip = imp.getProcessor().duplicate();
		ip.setRoi(x, y, w, h);
		return new ImagePlus(imp.getShortTitle(), ip.crop());
	}
}
