package com.exqress.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class BilevelPngEncoderTest {

    private static final int DOTS_PER_METRE_AT_203_DPI = 8000;

    @Test
    void imageIoReadsBackEveryPixelOfALabel() throws IOException {
        BufferedImage label = PngLabelRenderer.draw(LabelLayout.of(LabelFixtures.CONTENT));

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(
                BilevelPngEncoder.encode(label, DOTS_PER_METRE_AT_203_DPI)));

        assertSamePixels(decoded, label);
    }

    /** Widths that are and are not a multiple of 8, so rows end on a whole byte and in the middle of one. */
    @ParameterizedTest
    @CsvSource({"1, 1", "7, 3", "8, 2", "13, 5", "64, 64", "812, 1218"})
    void imageIoReadsBackEveryPixelOfRandomNoise(int width, int height) throws IOException {
        BufferedImage noise = randomBlackAndWhite(width, height, new SplittableRandom(width * 31L + height));

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(
                BilevelPngEncoder.encode(noise, DOTS_PER_METRE_AT_203_DPI)));

        assertSamePixels(decoded, noise);
    }

    @ParameterizedTest
    @CsvSource({"8000, 203", "11811, 300"})
    void physCarriesTheResolutionAsImageIoReadsIt(int dotsPerMetre, int dpi) throws IOException {
        byte[] png = BilevelPngEncoder.encode(randomBlackAndWhite(16, 16, new SplittableRandom(1)), dotsPerMetre);

        Element phys = imageIoMetadataNode(png, "pHYs");

        assertThat(phys.getAttribute("pixelsPerUnitXAxis")).isEqualTo(Integer.toString(dotsPerMetre));
        assertThat(phys.getAttribute("pixelsPerUnitYAxis")).isEqualTo(Integer.toString(dotsPerMetre));
        assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
        assertThat(Math.round(dotsPerMetre * 0.0254)).isEqualTo(dpi);
    }

    @Test
    void isA1BitGrayscaleImageWithNothingButTheCriticalChunksAndPhys() throws IOException {
        byte[] png = BilevelPngEncoder.encode(randomBlackAndWhite(13, 5, new SplittableRandom(2)), DOTS_PER_METRE_AT_203_DPI);

        assertThat(Arrays.copyOf(png, PngChunks.SIGNATURE.length)).isEqualTo(PngChunks.SIGNATURE);
        assertThat(PngChunks.of(png)).extracting(PngChunks.Chunk::type).containsExactly("IHDR", "pHYs", "IDAT", "IEND");
        ByteBuffer header = ByteBuffer.wrap(PngChunks.first(png, "IHDR").data());
        assertThat(header.getInt()).as("width").isEqualTo(13);
        assertThat(header.getInt()).as("height").isEqualTo(5);
        assertThat(header.get()).as("bit depth").isEqualTo((byte) 1);
        assertThat(header.get()).as("colour type: greyscale").isEqualTo((byte) 0);
        assertThat(header.get()).as("compression").isEqualTo((byte) 0);
        assertThat(header.get()).as("filter method").isEqualTo((byte) 0);
        assertThat(header.get()).as("interlace: none").isEqualTo((byte) 0);
        assertThat(header.hasRemaining()).isFalse();
    }

    /** ImageIO's reader does not check CRCs, but strict decoders (libpng, browsers) refuse a wrong one. */
    @Test
    void everyChunkCarriesTheCrcOfItsTypeAndData() throws IOException {
        List<PngChunks.Chunk> chunks = PngChunks.of(BilevelPngEncoder.encode(
                PngLabelRenderer.draw(LabelLayout.of(LabelFixtures.CONTENT)), DOTS_PER_METRE_AT_203_DPI));

        assertThat(chunks).isNotEmpty().allSatisfy(chunk -> {
            CRC32 crc = new CRC32();
            crc.update(chunk.type().getBytes(StandardCharsets.US_ASCII));
            crc.update(chunk.data());
            assertThat(chunk.crc()).as(chunk.type()).isEqualTo((int) crc.getValue());
        });
    }

    /** A 1 bit in such an image is black, but a 1 bit in a greyscale PNG is white: written as is, it would invert. */
    @Test
    void refusesABinaryImageWhosePaletteHasWhiteAtZero() {
        byte[] whiteThenBlack = {(byte) 0xFF, 0};
        IndexColorModel inverted = new IndexColorModel(1, 2, whiteThenBlack, whiteThenBlack, whiteThenBlack);
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY, inverted);

        assertThatIllegalArgumentException().isThrownBy(() -> BilevelPngEncoder.encode(image, DOTS_PER_METRE_AT_203_DPI));
    }

    @Test
    void refusesAnImageThatIsNotOneBitPerPixel() {
        BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);

        assertThatIllegalArgumentException().isThrownBy(() -> BilevelPngEncoder.encode(grey, DOTS_PER_METRE_AT_203_DPI));
    }

    private static BufferedImage randomBlackAndWhite(int width, int height, SplittableRandom random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, random.nextInt(2));
            }
        }
        return image;
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        int differing = 0;
        String first = "none";
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (actual.getRGB(x, y) != expected.getRGB(x, y)) {
                    if (differing == 0) {
                        first = String.format("(%d, %d): %08x instead of %08x", x, y, actual.getRGB(x, y), expected.getRGB(x, y));
                    }
                    differing++;
                }
            }
        }
        assertThat(differing).as("pixels that differ; the first: " + first).isZero();
    }

    private static Element imageIoMetadataNode(byte[] png, String name) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
                for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child.getNodeName().equals(name)) {
                        return (Element) child;
                    }
                }
                throw new AssertionError("ImageIO found no " + name + " chunk");
            } finally {
                reader.dispose();
            }
        }
    }
}
