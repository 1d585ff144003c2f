package com.exqress.label;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a black-and-white image as a 1-bit grayscale PNG (RFC 2083): IHDR, pHYs, one IDAT, IEND.
 *
 * <p>It exists because ImageIO's PNG writer spent about 2.6 ms on a label, more than the layout and the
 * drawing together; this one copies the image's packed rows as they are. A {@code TYPE_BYTE_BINARY}
 * image packs 8 pixels a byte, leftmost pixel in the high bit, with 0 black and 1 white in its default
 * palette, which is exactly a 1-bit grayscale PNG row. Every row uses filter type 0 (none), as the PNG
 * specification recommends for images of less than 8 bits per pixel.
 */
final class BilevelPngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte BIT_DEPTH = 1;
    private static final byte GRAYSCALE = 0;
    private static final byte FILTER_NONE = 0;
    private static final byte UNIT_METRE = 1;
    /** The image is almost all white, so the fastest level compresses it nearly as well as the default. */
    private static final int DEFLATE_LEVEL = Deflater.BEST_SPEED;

    private BilevelPngEncoder() {
    }

    /**
     * @param image          a {@code TYPE_BYTE_BINARY} image with the default black-and-white palette
     * @param pixelsPerMetre the resolution written to pHYs, the same on both axes
     * @throws IllegalArgumentException if the image is not of that kind
     */
    static byte[] encode(BufferedImage image, int pixelsPerMetre) {
        byte[] rows = filteredRows(image);
        ByteArrayOutputStream png = new ByteArrayOutputStream(rows.length / 8);
        png.writeBytes(SIGNATURE);
        writeChunk(png, "IHDR", ByteBuffer.allocate(13)
                .putInt(image.getWidth())
                .putInt(image.getHeight())
                .put(BIT_DEPTH)
                .put(GRAYSCALE)
                .put((byte) 0) // compression method: deflate, the only one defined
                .put((byte) 0) // filter method: adaptive, the only one defined
                .put((byte) 0) // interlace: none
                .array());
        writeChunk(png, "pHYs", ByteBuffer.allocate(9)
                .putInt(pixelsPerMetre)
                .putInt(pixelsPerMetre)
                .put(UNIT_METRE)
                .array());
        writeChunk(png, "IDAT", deflate(rows));
        writeChunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** Each row of the image's raster as PNG wants it: a filter-type byte, then the row's packed bytes. */
    private static byte[] filteredRows(BufferedImage image) {
        requireBlackAndWhite(image);
        MultiPixelPackedSampleModel layout = (MultiPixelPackedSampleModel) image.getRaster().getSampleModel();
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int rowBytes = (image.getWidth() + 7) / 8;
        int stride = layout.getScanlineStride();
        int offset = image.getRaster().getDataBuffer().getOffset();
        byte[] rows = new byte[image.getHeight() * (1 + rowBytes)];
        for (int y = 0; y < image.getHeight(); y++) {
            int row = y * (1 + rowBytes);
            rows[row] = FILTER_NONE;
            System.arraycopy(pixels, offset + y * stride, rows, row + 1, rowBytes);
        }
        return rows;
    }

    private static void requireBlackAndWhite(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_BYTE_BINARY
                || image.getColorModel().getPixelSize() != 1
                || image.getRaster().getSampleModelTranslateX() != 0
                || image.getRaster().getSampleModelTranslateY() != 0
                || ((MultiPixelPackedSampleModel) image.getRaster().getSampleModel()).getDataBitOffset() != 0) {
            throw new IllegalArgumentException("not a whole 1-bit TYPE_BYTE_BINARY image");
        }
        IndexColorModel palette = (IndexColorModel) image.getColorModel();
        if ((palette.getRGB(0) & 0xFFFFFF) != 0x000000 || (palette.getRGB(1) & 0xFFFFFF) != 0xFFFFFF) {
            throw new IllegalArgumentException("the palette is not 0 = black, 1 = white");
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(DEFLATE_LEVEL);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(data.length / 8);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
            return compressed.toByteArray();
        } finally {
            // A Deflater holds native zlib memory until it is ended, not until it is collected.
            deflater.end();
        }
    }

    /** Length, type, data, then the CRC-32 of the type and the data. */
    private static void writeChunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
