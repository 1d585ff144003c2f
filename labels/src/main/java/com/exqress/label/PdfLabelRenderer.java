package com.exqress.label;

import com.exqress.label.LabelElement.Barcode;
import com.exqress.label.LabelElement.QrCode;
import com.exqress.label.LabelElement.Rule;
import com.exqress.label.LabelElement.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A one-page 4 x 6 in PDF with vector bars, for office printers and for archiving. Text is in
 * Helvetica, one of the 14 fonts every PDF reader has, so nothing is embedded and the file stays small.
 */
public final class PdfLabelRenderer implements LabelRenderer {

    static final String TITLE = "Exqress label";
    /** Points per dot: PDF measures in 1/72 in, the layout in 1/203 in. */
    private static final float SCALE = 72f / 203f;

    @Override
    public LabelFormat format() {
        return LabelFormat.PDF;
    }

    @Override
    public byte[] render(LabelContent content) {
        LabelLayout layout = LabelLayout.of(content);
        float pageHeight = layout.height() * SCALE;
        try (PDDocument document = new PDDocument()) {
            // Only these two: the document information must say nothing about the parcel or its people.
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(TITLE);
            info.setProducer(TITLE);
            // PDFBox seeds the file identifier with the clock unless given a seed; seeding it from the QR
            // text, unique to each printed label and printed on it anyway, makes equal labels equal bytes.
            document.setDocumentId(crc32(content.qrText()));
            PDPage page = new PDPage(new PDRectangle(layout.width() * SCALE, pageHeight));
            document.addPage(page);
            // New font objects per document: PDFBox objects are not thread-safe, and a renderer must be.
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                for (LabelElement element : layout.elements()) {
                    if (element instanceof Text t) {
                        PDFont font = t.bold() ? bold : regular;
                        stream.beginText();
                        stream.setFont(font, t.size() * SCALE);
                        stream.newLineAtOffset(t.x() * SCALE, pageHeight - t.baseline() * SCALE);
                        stream.showText(encodable(font, t.text()));
                        stream.endText();
                    } else if (element instanceof Rule r) {
                        fill(stream, List.of(r.bounds()), pageHeight);
                    } else if (element instanceof QrCode q) {
                        fill(stream, q.bars(), pageHeight);
                    } else if (element instanceof Barcode b) {
                        fill(stream, b.bars(), pageHeight);
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /**
     * All bars of an element as one path filled once: separate fills would let anti-aliasing viewers
     * show faint lines between touching rows of a QR code. PDF's y axis points up, the layout's down.
     */
    private static void fill(PDPageContentStream stream, List<Rect> bars, float pageHeight) throws IOException {
        for (Rect bar : bars) {
            stream.addRect(bar.x() * SCALE, pageHeight - bar.bottom() * SCALE, bar.width() * SCALE, bar.height() * SCALE);
        }
        stream.fill();
    }

    /**
     * Helvetica without embedding covers only WinAnsi (Latin-1 and a few more), and PDFBox throws on
     * anything else; a label with a '?' beats no label, and the PNG, SVG and ZPL show the real text.
     */
    private static String encodable(PDFont font, String text) throws IOException {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String s = new String(Character.toChars(c));
            try {
                font.encode(s);
                out.append(s);
            } catch (IllegalArgumentException e) {
                out.append('?');
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }
}
