package com.exqress.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfLabelRendererTest {

    private final byte[] pdf = new PdfLabelRenderer().render(LabelFixtures.CONTENT);

    @Test
    void isOnePageOfFourBySixInches() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(288f);
            assertThat(page.getMediaBox().getHeight()).isEqualTo(432f);
        }
    }

    @Test
    void qrCodeRenderedAt203DpiScansToTheExactQrText() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 203);

            assertThat(image.getWidth()).isEqualTo(812);
            assertThat(image.getHeight()).isEqualTo(1218);
            assertThat(Scans.qr(image)).isEqualTo(LabelFixtures.QR_TEXT);
            assertThat(Scans.code128(image)).isEqualTo("SWP4812345678KR");
        }
    }

    @Test
    void showsTheSixFieldsAsText() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);

            assertThat(text).contains(LabelFixtures.SHOWN);
        }
    }

    @Test
    void documentInformationNamesOnlyTheProducerAndTitle() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getCOSObject().keySet())
                    .containsExactlyInAnyOrder(COSName.PRODUCER, COSName.TITLE);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Exqress label");
            assertThat(document.getDocumentCatalog().getMetadata()).as("no XMP").isNull();
        }
    }

    @Test
    void fileIdentifierDoesNotDependOnTheClock() throws InterruptedException {
        Thread.sleep(5); // PDFBox would otherwise seed the identifier with the current millisecond

        assertThat(new PdfLabelRenderer().render(LabelFixtures.CONTENT)).isEqualTo(pdf);
    }

    @Test
    void textHelveticaCannotShowBecomesQuestionMarksInsteadOfFailing() throws IOException {
        byte[] hangul = new PdfLabelRenderer().render(LabelFixtures.withCarrierName("스위프트 Parcel"));

        try (PDDocument document = Loader.loadPDF(hangul)) {
            assertThat(new PDFTextStripper().getText(document)).contains("???? Parcel");
        }
    }
}
