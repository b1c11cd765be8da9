package io.github.liif.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.io.TiffDecoder;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import io.github.liif.io.AtomicFiles;
import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads and writes images with ImageJ's own readers and writers (TIFF of every bit depth,
 * multi-page and hyperstack TIFF, PNG, JPEG; GIF and BMP are read, not written). Writes are
 * atomic: a failed write leaves no file.
 */
public final class ImageFiles {

	/** What can be written, by extension. */
	public static final Set<String> EXTENSIONS = Set.of("tif", "tiff", "png", "jpg", "jpeg");
	/** What can be read: the written types, and GIF and BMP (read by ImageJ's opener, results written as PNG). */
	private static final Set<String> READABLE = Set.of("tif", "tiff", "png", "jpg", "jpeg", "gif", "bmp");

	private static final String ALPHA = "liif.alpha";

	private ImageFiles() {}

	/** The transparency of an image read from an RGBA PNG or TIFF (0-255 per pixel), or null. */
	public static int[] alpha(ImagePlus imp) {
		return imp.getProperty(ALPHA) instanceof int[] a ? a : null;
	}

	/**
	 * Writes an RGB result with its transparency (RGBA PNG or TIFF), atomically.
	 *
	 * @param alpha 0-255 per pixel of {@code rgb}
	 */
	public static void writeWithAlpha(ImagePlus rgb, int[] alpha, Path file, boolean overwrite) throws IOException {
		String ext = extension(file);
		if (!ext.equals("png") && !ext.startsWith("tif")) {
			throw new IOException(file + ": " + ext.toUpperCase(Locale.ROOT)
				+ " cannot hold the image's transparency; write .png or .tif");
		}
		int w = rgb.getWidth();
		int h = rgb.getHeight();
		int[] px = (int[]) rgb.getProcessor().convertToRGB().getPixels();
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
		int[] argb = new int[w * h];
		for (int i = 0; i < argb.length; i++) argb[i] = alpha[i] << 24 | px[i] & 0xffffff;
		out.setRGB(0, 0, w, h, argb, 0, w);
		AtomicFiles.write(file, overwrite, stream -> {
			if (!ImageIO.write(out, ext.equals("png") ? "png" : "tiff", stream)) {
				throw new IOException("no " + ext + " writer for RGBA images");
			}
		});
	}

	/** Whether the file's type can be read. */
	public static boolean isSupported(Path file) {
		return READABLE.contains(extension(file));
	}

	/** Whether a result can be written in the type the file's extension names. */
	public static boolean isWritable(Path file) {
		return EXTENSIONS.contains(extension(file));
	}

	/** The result's file name for an input in a folder of results: the same, with GIF and BMP as PNG. */
	public static String resultName(Path input) {
		String name = input.getFileName().toString();
		return isWritable(input) ? name : name.substring(0, name.lastIndexOf('.') + 1) + "png";
	}

	public static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/**
	 * The supported images directly inside the given folders (sorted; not recursive), and the
	 * given files as they are; a file in a folder whose name this JVM cannot represent is refused.
	 */
	public static List<Path> list(List<Path> foldersOrFiles) throws IOException {
		List<String> refused = new ArrayList<>();
		List<Path> files = list(foldersOrFiles, refused::add);
		if (!refused.isEmpty()) throw new IOException(refused.get(0));
		return files;
	}

	/**
	 * As {@link #list(List)}, but a file whose name cannot be represented is passed over: the
	 * reason goes to {@code refused} and the others are listed.
	 */
	public static List<Path> list(List<Path> foldersOrFiles, Consumer<String> refused) throws IOException {
		List<Path> out = new ArrayList<>();
		for (Path f : foldersOrFiles) {
			if (Files.isDirectory(f)) {
				try (Stream<Path> s = Files.list(f)) {
					s.filter(Files::isRegularFile).filter(ImageFiles::isSupported).sorted().forEach(p -> {
						if (representable(p)) out.add(p);
						else
							refused.accept(p + ": skipped, its name cannot be represented in this locale's charset (" + System
								.getProperty("sun.jnu.encoding") + "); run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
					});
				}
			}
			else if (Files.exists(f)) {
				out.add(f);
			}
			else {
				throw new IOException(f + ": no such file or folder");
			}
		}
		return out;
	}

	/**
	 * Whether the name survives the round trip through a String (ImageJ opens files by their path
	 * as text): under a C/POSIX locale "entrée.png" does not, nor invalid UTF-8 under a UTF-8 one.
	 */
	private static boolean representable(Path file) {
		try {
			return Path.of(file.toString()).equals(file);
		}
		catch (InvalidPathException e) {
			return false;
		}
	}

	/** Opens an image, or throws with a message naming the file and the problem. */
	public static ImagePlus read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
		if (!isSupported(file)) {
			throw new IOException(file + ": unsupported file type (use TIFF, PNG, JPEG, GIF or BMP)");
		}
		if (Files.size(file) == 0) throw new IOException(file + ": the file is empty");
		FileInfo[] pages = extension(file).startsWith("tif") ? tiffPages(file) : null;
		if (pages != null) checkOnePageSize(file, pages);
		ImagePlus imp;
		try {
			imp = switch (extension(file)) {
				// ImageJ writes an 8-bit image shown through a LUT as a palette TIFF: that one stays 8-bit with its LUT
				case "tif", "tiff" -> writtenByImageJ(pages) ? new Opener().openImage(file.toAbsolutePath().toString())
					: withoutPalette(new Opener().openImage(file.toAbsolutePath().toString()));
				case "gif" -> withAlphaOfOnePage(file, withoutPalette(new Opener().openImage(file.toAbsolutePath().toString())));
				case "bmp" -> withoutPalette(new Opener().openImage(file.toAbsolutePath().toString()));
				default -> readWithImageIO(file);
			};
		}
		catch (IOException | RuntimeException | OutOfMemoryError e) {
			throw new IOException(file + ": cannot be read as an image (" + e.getMessage() + ")", e);
		}
		if (imp == null || imp.getWidth() < 1 || imp.getHeight() < 1 || imp.getStack().getProcessor(1) == null) {
			throw new IOException(file + ": not a readable image, or damaged/truncated");
		}
		checkComplete(file, imp);
		if (pages != null && pages[0].samplesPerPixel == 4) keepTiffAlpha(file, imp);
		return imp;
	}

	/** ImageJ reads an RGBA TIFF as RGB: its transparency is read with ImageIO and kept beside the image. */
	private static void keepTiffAlpha(Path file, ImagePlus imp) throws IOException {
		if (imp.getStackSize() > 1) {
			throw new IOException(file
				+ ": a multi-page TIFF with transparency, which LIIF cannot keep; save it without the alpha "
				+ "channel, or page by page as PNG");
		}
		BufferedImage image = ImageIO.read(file.toFile());
		if (image != null) keepAlpha(image, imp);
	}

	/**
	 * What kind of image a file holds, from its first page only: a multi-page TIFF's other pages
	 * are not decoded (a multi-gigabyte stack is read once, by whoever needs its pixels); other
	 * files are read whole, with {@link #read}'s checks and messages.
	 */
	public static ImagePlus readFirstPage(Path file) throws IOException {
		FileInfo[] pages = Files.isRegularFile(file) && extension(file).startsWith("tif") ? tiffPages(file) : null;
		return pages != null && (pages.length > 1 || pages[0].nImages > 1) ? readPage(file, 1) : read(file);
	}

	/**
	 * Page {@code page} (1-based) of a multi-page TIFF without decoding the others; other files
	 * are read whole (they have one page).
	 */
	public static ImagePlus readPage(Path file, int page) throws IOException {
		if (!extension(file).startsWith("tif")) return read(file);
		ImagePlus imp;
		try {
			imp = new Opener().openTiff(file.toAbsolutePath().toString(), page);
		}
		catch (RuntimeException | OutOfMemoryError e) {
			throw new IOException(file + ": cannot be read as an image (" + e.getMessage() + ")", e);
		}
		if (imp == null || imp.getStackSize() != 1 || imp.getProcessor() == null)
			throw new IOException(file + ": page " + page + " cannot be read");
		return imp;
	}

	/**
	 * PNG and JPEG through ImageIO: ImageJ's own JPEG path uses the AWT toolkit, which prints
	 * stack traces on damaged files from a thread of its own.
	 */
	private static ImagePlus readWithImageIO(Path file) throws IOException {
		BufferedImage image = ImageIO.read(file.toFile());
		if (image == null) return null;
		image = decoded(image);
		ImagePlus imp = new ImagePlus(file.getFileName().toString(), image);
		keepAlpha(image, imp);
		if (imp.getType() == ImagePlus.COLOR_RGB && image.getColorModel().getNumComponents() == 1) {
			imp.setProcessor(imp.getProcessor().convertToRGB());
		}
		return extension(file).startsWith("jp") ? ExifOrientation.apply(file, imp) : imp;
	}

	/** The pages of a TIFF as ImageJ's decoder sees them, or null for a damaged file (the reader then says what is wrong). */
	private static FileInfo[] tiffPages(Path file) {
		Path absolute = file.toAbsolutePath();
		try {
			FileInfo[] pages = new TiffDecoder(absolute.getParent().toString() + File.separator, absolute.getFileName()
				.toString()).getTiffInfo();
			return pages == null || pages.length == 0 ? null : pages;
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/**
	 * ImageJ opens, of a multi-page TIFF whose pages differ in size, only the pages of the first
	 * page's size: refuse such a file rather than drop pages silently.
	 */
	private static void checkOnePageSize(Path file, FileInfo[] pages) throws IOException {
		for (FileInfo page : pages) {
			if (page.width != pages[0].width || page.height != pages[0].height) {
				throw new IOException(file + ": its " + pages.length + " pages differ in size (" + pages[0].width + " x "
					+ pages[0].height + " and " + page.width + " x " + page.height
					+ "); ImageJ would read only those of the first size, so nothing is "
					+ "upscaled: save each size as a file of its own (e.g. Image > Stacks > Tools in Fiji, or tiffsplit)");
			}
		}
	}

	/** ImageJ keeps no transparency: an image's alpha channel, if any, is kept beside it on an 8-bit scale. */
	private static void keepAlpha(BufferedImage image, ImagePlus imp) {
		if (!image.getColorModel().hasAlpha() || image.getAlphaRaster() == null) return;
		int bits = image.getColorModel().getComponentSize(image.getColorModel().getNumComponents() - 1);
		int[] alpha = image.getAlphaRaster().getSamples(0, 0, image.getWidth(), image.getHeight(), 0, (int[]) null);
		if (bits != 8) for (int i = 0; i < alpha.length; i++) alpha[i] = (int) Math.round(alpha[i] * 255.0 / ((1 << bits) - 1));
		imp.setProperty(ALPHA, alpha);
	}

	/** Whether ImageJ wrote this TIFF (its LUT is then a display choice, not an encoding). */
	private static boolean writtenByImageJ(FileInfo[] pages) {
		return pages != null && pages[0].description != null && pages[0].description.startsWith("ImageJ");
	}

	/**
	 * A palette file's image (8-bit read through a LUT other than the gray ramp) as what the palette
	 * encodes, so that colours, not palette indices, are upscaled: RGB, or gray levels when every
	 * entry is gray. Other images as they are.
	 */
	private static ImagePlus withoutPalette(ImagePlus imp) {
		if (imp == null || imp.getBitDepth() != 8 || imp.getProcessor().isDefaultLut()) return imp;
		boolean gray = imp.getProcessor().isGrayscale();
		int[] levels = new int[256];
		for (int i = 0; i < 256; i++) levels[i] = imp.getProcessor().getColorModel().getRed(i);
		ImageStack decoded = new ImageStack(imp.getWidth(), imp.getHeight());
		for (int s = 1; s <= imp.getStackSize(); s++) {
			ImageProcessor ip = imp.getStack().getProcessor(s);
			ip.setColorModel(imp.getProcessor().getColorModel());
			ImageProcessor plane = gray ? new ByteProcessor(ip.getWidth(), ip.getHeight(), ((byte[]) ip.getPixels()).clone()) : ip
				.convertToRGB();
			if (gray) plane.applyTable(levels);
			decoded.addSlice(imp.getStack().getSliceLabel(s), plane);
		}
		ImagePlus out = new ImagePlus(imp.getTitle(), decoded);
		out.setDimensions(imp.getNChannels(), imp.getNSlices(), imp.getNFrames());
		out.setCalibration(imp.getCalibration());
		out.setFileInfo(imp.getOriginalFileInfo());
		return out;
	}

	/** A one-page GIF's transparency (ImageJ's reader drops it), read with ImageIO. */
	private static ImagePlus withAlphaOfOnePage(Path file, ImagePlus imp) throws IOException {
		if (imp == null || imp.getStackSize() > 1) return imp;
		BufferedImage image = ImageIO.read(file.toFile());
		if (image != null) keepAlpha(decoded(image), imp);
		return imp;
	}

	/**
	 * An image ImageIO read through a palette (PNG, GIF) as what the palette encodes: gray levels
	 * when every entry is gray and opaque (also how ImageIO gives 1-, 2- and 4-bit gray PNGs), else
	 * RGB, with alpha when the palette has transparency. Other images as they are.
	 */
	private static BufferedImage decoded(BufferedImage image) {
		if (!(image.getColorModel() instanceof IndexColorModel palette)) return image;
		int w = image.getWidth();
		int h = image.getHeight();
		int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
		boolean opaque = palette.getTransparency() == Transparency.OPAQUE;
		boolean gray = opaque;
		for (int i = 0; i < palette.getMapSize() && gray; i++) {
			gray = palette.getRed(i) == palette.getGreen(i) && palette.getGreen(i) == palette.getBlue(i);
		}
		if (gray) {
			BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
			byte[] levels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
			for (int i = 0; i < levels.length; i++) levels[i] = (byte) argb[i];
			return out;
		}
		BufferedImage out = new BufferedImage(w, h, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
		out.setRGB(0, 0, w, h, argb, 0, w);
		return out;
	}

	/** ImageJ's TIFF reader pads a truncated uncompressed file with zeros; refuse instead. */
	private static void checkComplete(Path file, ImagePlus imp) throws IOException {
		FileInfo fi = imp.getOriginalFileInfo();
		if (fi == null || fi.compression != FileInfo.COMPRESSION_NONE || fi.stripOffsets != null && fi.stripOffsets.length > 1)
			return;
		long expected = fi.getOffset() + (long) fi.width * fi.height * fi.getBytesPerPixel() * Math.max(1, fi.nImages)
			+ (long) fi.gapBetweenImages * Math.max(0, fi.nImages - 1);
		if (Files.size(file) < expected) {
			throw new IOException(file + ": the file is truncated (" + Files.size(file) + " bytes, the image needs " + expected
				+ ")");
		}
	}

	/** Writes in the format of the file's extension, atomically. */
	public static void write(ImagePlus imp, Path file, boolean overwrite) throws IOException {
		String ext = extension(file);
		if (!isWritable(file)) throw new IOException(file + ": unsupported output type (use .tif, .png or .jpg)");
		if ((ext.equals("png") || ext.startsWith("jp")) && imp.getStackSize() > 1) {
			throw new IOException(file + ": " + ext.toUpperCase(Locale.ROOT) + " holds one plane but the result has " + imp
				.getStackSize() + "; write a .tif instead");
		}
		AtomicFiles.write(file, overwrite, out -> {
			Path temp = AtomicFiles.temporary(file);
			try {
				FileSaver saver = new FileSaver(imp);
				String path = temp.toString();
				boolean ok = switch (ext) {
					case "png" -> saver.saveAsPng(path);
					case "jpg", "jpeg" -> saver.saveAsJpeg(path);
					default -> imp.getStackSize() > 1 ? saver.saveAsTiffStack(path) : saver.saveAsTiff(path);
				};
				if (!ok) throw new IOException("ImageJ could not save it (disk full or not writable?)");
				Files.copy(temp, out);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		});
	}
}
