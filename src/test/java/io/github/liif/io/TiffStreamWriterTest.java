package io.github.liif.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ShortProcessor;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streamed TIFF and BigTIFF, read back by ImageJ and by an independent reader (TwelveMonkeys). */
class TiffStreamWriterTest {

	@TempDir
	Path dir;

	private static float sample(int y, int x, int c, SampleType type) {
		int v = (y * 37 + x * 11 + c * 101) % (type == SampleType.UINT8 ? 256 : 65536);
		return type == SampleType.FLOAT32 ? v * 0.25f - 3 : v;
	}

	private Path write(String name, TiffStreamWriter.Layout layout, boolean big) throws IOException {
		return write(name, layout, big, "ImageJ=1.54p\nunit=micron\n");
	}

	private Path write(String name, TiffStreamWriter.Layout layout, boolean big, String description) throws IOException {
		Path file = dir.resolve(name);
		AtomicFiles.write(file, false, out -> {
			TiffStreamWriter w = new TiffStreamWriter(out, layout, description, big);
			assertEquals(big, w.isBigTiff());
			for (int y = 0; y < layout.height(); y++) {
				float[] row = new float[layout.width() * layout.samplesPerPixel()];
				for (int i = 0; i < row.length; i++)
					row[i] = sample(y, i / layout.samplesPerPixel(), i % layout.samplesPerPixel(), layout.type());
				w.writeRow(row);
			}
			w.finish();
		});
		return file;
	}

	private static Raster readIndependently(Path file) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			var readers = ImageIO.getImageReaders(in);
			while (readers.hasNext()) {
				ImageReader r = readers.next();
				if (!r.getClass().getName().startsWith("com.twelvemonkeys")) continue;
				r.setInput(in);
				return r.read(0).getRaster();
			}
		}
		throw new AssertionError("no TwelveMonkeys TIFF reader on the test class path");
	}

	@Test
	void classicTiffOpensInImageJWithValuesAndCalibration() throws IOException {
		for (SampleType type : SampleType.values()) {
			var layout = new TiffStreamWriter.Layout(301, 7, 1, type, 4, 2);
			ImagePlus imp = IJ.openImage(write("gray-" + type + ".tif", layout, false).toString());
			assertEquals(301, imp.getWidth());
			assertEquals(7, imp.getHeight());
			assertEquals(type.bytes * 8, imp.getBitDepth());
			assertEquals(0.25, imp.getCalibration().pixelWidth, 1e-9);
			assertEquals(0.5, imp.getCalibration().pixelHeight, 1e-9);
			assertEquals("micron", imp.getCalibration().getUnit());
			for (int y = 0; y < 7; y++) {
				for (int x = 0; x < 301; x++) assertEquals(sample(y, x, 0, type), imp.getProcessor().getf(x, y), 0f);
			}
		}
		var rgb = new TiffStreamWriter.Layout(5, 3000, 3, SampleType.UINT8, 0, 0);
		ImagePlus colour = IJ.openImage(write("rgb.tif", rgb, false).toString());
		assertEquals(24, colour.getBitDepth());
		int[] px = (int[]) colour.getProcessor().getPixels();
		for (int i = 0; i < px.length; i++) {
			int y = i / 5;
			int x = i % 5;
			assertEquals((int) sample(y, x, 0, rgb.type()) << 16 | (int) sample(y, x, 1, rgb.type()) << 8 | (int) sample(y, x, 2,
				rgb.type()), px[i] & 0xffffff);
		}
	}

	@Test
	void theImageDescriptionEndsInExactlyOneNulEvenWhenImageJsStringBringsOne() throws IOException {
		String imagej = new FileSaver(new ImagePlus("", new ShortProcessor(1, 1))).getDescriptionString();
		assertTrue(imagej.endsWith("\0"), "ImageJ's description string ends in a NUL of its own");
		var layout = new TiffStreamWriter.Layout(9, 4, 1, SampleType.UINT16, 1, 1);
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(write("d.tif", layout, false, imagej)));
		b.order(b.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		int ifd = b.getInt(4);
		int entries = b.getShort(ifd) & 0xffff;
		for (int k = 0; k < entries; k++) {
			int e = ifd + 2 + 12 * k;
			if ((b.getShort(e) & 0xffff) != 270) continue;
			int count = b.getInt(e + 4);
			int offset = count <= 4 ? e + 8 : b.getInt(e + 8);
			byte[] text = new byte[count];
			b.get(offset, text);
			for (int i = 0; i < count - 1; i++) assertTrue(text[i] != 0, "NUL inside the description at " + i + " of " + count);
			assertEquals(0, text[count - 1], "the description ends in a NUL");
			assertTrue(new String(text, StandardCharsets.US_ASCII).startsWith("ImageJ="));
			return;
		}
		throw new AssertionError("no ImageDescription");
	}

	@Test
	void bigTiffReadsBackIndependently() throws IOException {
		for (int spp : new int[]{ 1, 3 }) {
			var layout = new TiffStreamWriter.Layout(97, 23, spp, SampleType.UINT16, 1, 1);
			Path file = write("big-" + spp + ".tif", layout, true);
			byte[] head = Files.readAllBytes(file);
			assertEquals(43, head[2]);
			Raster r = readIndependently(file);
			assertEquals(97, r.getWidth());
			assertEquals(23, r.getHeight());
			for (int y = 0; y < 23; y++) {
				for (int x = 0; x < 97; x++) {
					for (int c = 0; c < spp; c++) assertEquals(sample(y, x, c, layout.type()), r.getSample(x, y, c), 0f);
				}
			}
		}
	}

	@Test
	void sizesOverFourGigabytesNeedBigTiff() {
		assertFalse(new TiffStreamWriter.Layout(8192, 8192, 3, SampleType.UINT8, 0, 0).needsBigTiff());
		assertFalse(new TiffStreamWriter.Layout(8192, 8192, 3, SampleType.FLOAT32, 0, 0).needsBigTiff());
		assertTrue(new TiffStreamWriter.Layout(70000, 70000, 1, SampleType.UINT8, 0, 0).needsBigTiff());
		assertTrue(new TiffStreamWriter.Layout(30000, 30000, 3, SampleType.UINT16, 0, 0).needsBigTiff());
	}

	@Test
	void rowCountsAreChecked() throws IOException {
		var layout = new TiffStreamWriter.Layout(4, 2, 1, SampleType.UINT8, 0, 0);
		TiffStreamWriter w = new TiffStreamWriter(new ByteArrayOutputStream(), layout, "", false);
		assertThrows(IllegalArgumentException.class, () -> w.writeRow(new float[3]));
		w.writeRow(new float[4]);
		IllegalStateException e = assertThrows(IllegalStateException.class, w::finish);
		assertEquals("only 1 of 2 rows were written", e.getMessage());
	}
}
