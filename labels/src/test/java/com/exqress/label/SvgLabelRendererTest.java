package com.exqress.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgLabelRendererTest {

    private final byte[] svg = new SvgLabelRenderer().render(LabelFixtures.CONTENT);

    @Test
    void isWellFormedSvgOfFourBySixInchesInDots() throws Exception {
        Element root = parse(svg).getDocumentElement();

        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("width")).isEqualTo("4in");
        assertThat(root.getAttribute("height")).isEqualTo("6in");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 812 1218");
        assertThat(root.getAttribute("font-family")).isEqualTo("DejaVu Sans, Helvetica, Arial, sans-serif");
    }

    @Test
    void declaresUtf8() {
        assertThat(new String(svg, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    @Test
    void showsTheSixFieldsAsTextAndNoOtherText() throws Exception {
        NodeList texts = parse(svg).getElementsByTagNameNS("*", "text");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            shown.add(texts.item(i).getTextContent());
        }

        assertThat(shown).containsExactlyInAnyOrder(LabelFixtures.SHOWN);
    }

    @Test
    void escapesMarkupInText() throws Exception {
        byte[] tricky = new SvgLabelRenderer().render(LabelFixtures.withCarrierName("A&B <Parcel> \"Co\""));

        NodeList texts = parse(tricky).getElementsByTagNameNS("*", "text");
        assertThat(texts.item(0).getTextContent()).isEqualTo("A&B <Parcel> \"Co\"");
    }

    @Test
    void qrCodeDrawnFromItsRectanglesScansToTheExactQrText() throws Exception {
        assertThat(Scans.qr(rasterise(parse(svg)))).isEqualTo(LabelFixtures.QR_TEXT);
    }

    @Test
    void code128DrawnFromItsRectanglesScansToTheTrackingNumber() throws Exception {
        assertThat(Scans.code128(rasterise(parse(svg)))).isEqualTo("SWP4812345678KR");
    }

    @Test
    void mergesRunsOfModulesIntoFewRectangles() throws Exception {
        int rects = parse(svg).getElementsByTagNameNS("*", "rect").getLength();

        // A version-8 QR code has about 1,250 dark modules; merged into runs it takes about half as many.
        assertThat(rects).isLessThan(1000);
        assertThat(svg.length).isLessThan(64 * 1024);
    }

    /** Draws every {@code <rect>} in its fill (black unless it says white), as a viewer would. */
    private static BufferedImage rasterise(Document document) {
        Element root = document.getDocumentElement();
        String[] viewBox = root.getAttribute("viewBox").split(" ");
        BufferedImage image = new BufferedImage(Integer.parseInt(viewBox[2]), Integer.parseInt(viewBox[3]),
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        NodeList rects = document.getElementsByTagNameNS("*", "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            g.setColor("#fff".equals(rect.getAttribute("fill")) ? Color.WHITE : Color.BLACK);
            g.fillRect(number(rect, "x"), number(rect, "y"), number(rect, "width"), number(rect, "height"));
        }
        g.dispose();
        return image;
    }

    private static int number(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
