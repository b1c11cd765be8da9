package io.github.liif.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A multi-page TIFF is upscaled whole, or refused with why: ImageJ alone would drop pages of another size. */
class MultiPageTiffTest {

	@TempDir
	Path dir;

	/** A little-endian, uncompressed, 8-bit gray TIFF with one page per {width, height}; pixel values 7 * page + 1. */
	static Path tiff(Path file, int[]... sizes) throws IOException {
		int length = 8;
		for (int[] s : sizes) length += 2 + 9 * 12 + 4 + s[0] * s[1];
		ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		for (int p = 0; p < sizes.length; p++) {
			int ifd = b.position();
			int pixels = ifd + 2 + 9 * 12 + 4;
			int w = sizes[p][0];
			int h = sizes[p][1];
			b.putShort((short) 9);
			int[][] tags = { { 256, 4, w }, { 257, 4, h }, { 258, 3, 8 }, { 259, 3, 1 }, { 262, 3, 1 }, { 273, 4, pixels }, { 277,
				3, 1 }, { 278, 4, h }, { 279, 4, w * h } };
			for (int[] t : tags) {
				b.putShort((short) t[0]).putShort((short) (t[1] == 3 ? 3 : 4)).putInt(1);
				if (t[1] == 3) b.putShort((short) t[2]).putShort((short) 0);
				else b.putInt(t[2]);
			}
			b.putInt(p + 1 < sizes.length ? pixels + w * h : 0);
			for (int i = 0; i < w * h; i++) b.put((byte) (7 * p + 1));
		}
		return Files.write(file, b.array());
	}

	@Test
	void pagesOfOneSizeAreAllReadAndPagesOfDifferentSizesAreRefusedWithWhatToDo() throws IOException {
		assertEquals(3, ImageFiles.read(tiff(dir.resolve("same.tif"), new int[]{ 9, 5 }, new int[]{ 9, 5 }, new int[]{ 9, 5 }))
			.getStackSize());
		Path mixed = tiff(dir.resolve("mixed.tif"), new int[]{ 9, 5 }, new int[]{ 12, 4 });
		IOException e = assertThrows(IOException.class, () -> ImageFiles.read(mixed));
		assertTrue(e.getMessage().contains("2 pages differ in size (9 x 5 and 12 x 4)"), e.getMessage());
		assertTrue(e.getMessage().contains("save each size as a file of its own"), e.getMessage());
	}
}
