package io.github.liif.io;

/** Sample types of the streamed outputs (TIFF, OME-Zarr): bytes per sample and TIFF SampleFormat. */
public enum SampleType {
	UINT8(1, 1), UINT16(2, 1), FLOAT32(4, 3);

	final int bytes;
	final int tiffFormat;

	SampleType(int bytes, int tiffFormat) {
		this.bytes = bytes;
		this.tiffFormat = tiffFormat;
	}

	public int bytes() {
		return bytes;
	}

	public static SampleType ofBits(int bits) {
		return switch (bits) {
			case 8 -> UINT8;
			case 16 -> UINT16;
			case 32 -> FLOAT32;
			default -> throw new IllegalArgumentException("no sample type of " + bits + " bits");
		};
	}
}
