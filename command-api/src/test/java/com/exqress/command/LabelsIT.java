package com.exqress.command;

import com.exqress.label.LabelKeyRing;
import com.exqress.label.LabelQrCodec;
import com.exqress.label.LabelSigningKeys;
import com.exqress.label.VerifiedLabel;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelReference;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.nimbusds.jose.jwk.JWKSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.exqress.command.WaybillApiClient.createRequest;
import static org.assertj.core.api.Assertions.assertThat;

/** The printed label over HTTP: every format round-trips to its waybill, carries no personal data, and only the right people get it. */
class LabelsIT extends CommandApiIntegrationTest {

    /** Distinctive personal data, so any trace of it on a label is found. */
    private static final List<String> PERSONAL = List.of("Zyqvo Xabrunk", "010-7391-4826", "zyqvo@xabrunk.example",
            "88 Qwizdel-gil", "Ujvix Loft", "Jorkqam", "Vexqor Plimzuth", "010-2468-1357",
            "17 Fazquob-ro", "Yzkiv Cellar", "Oqmuvil-jin", "25627", "47301");

    private static final CarrierId SWP = new CarrierId("SWP");
    private static final CarrierId BLR = new CarrierId("BLR");

    @Autowired
    LabelQrCodec codec;

    @Test
    void keysArePublishedWithoutTheirPrivateParts() {
        String jwks = webClient.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(jwks).contains("\"kty\":\"EC\"", "\"crv\":\"P-256\"", "\"kid\":").doesNotContain("\"d\"");
    }

    @Test
    void theKeySetHoldsTheKeysOfEveryCarrier() throws Exception {
        String jwks = webClient.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        List<String> keyIds = JWKSet.parse(jwks).getKeys().stream().map(com.nimbusds.jose.jwk.JWK::getKeyID).toList();
        for (String carrier : List.of("SWP", "BLR", "NRT")) {
            assertThat(keyIds).as("a key of %s", carrier).anyMatch(keyId -> keyId.startsWith(carrier));
        }
    }

    @Test
    void aPrintedLabelIsSignedWithItsCarriersKeyAndNoOtherCarriersKeyStandsIn() throws Exception {
        String id = printedWaybill();
        String qrText = decodeQr(ImageIO.read(new ByteArrayInputStream(label(id, "sender1", "png"))));
        VerifiedLabel verified = codec.verify(qrText);
        String signedByPartner = codec.encode(BLR, verified.reference());

        assertThat(verified.signer()).isEqualTo(SWP);
        assertThat(verified.keyId()).startsWith("SWP");
        assertThat(qrText).startsWith("HTTPS://EXQ.RS/L/" + verified.keyId() + ".");
        verifyAs("courier-swp-1", qrText).expectStatus().isOk().expectBody().jsonPath("$.waybillId").isEqualTo(id);
        verifyAs("courier-swp-1", signedByPartner).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("LABEL_FORGED");
        verifyAs("courier-nrt-1", signedByPartner).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("LABEL_UNKNOWN");
    }

    @Test
    void everyFormatCarriesAQrCodeThatResolvesToTheWaybill() throws Exception {
        String id = printedWaybill();

        List<String> qrTexts = List.of(
                decodeQr(ImageIO.read(new ByteArrayInputStream(label(id, "sender1", "png")))),
                decodeQr(pdfPage(label(id, "sender1", "pdf"))),
                zplQrText(new String(label(id, "sender1", "zpl"), StandardCharsets.US_ASCII)));

        LabelQrCodec offlineVerifier = verifierOfPublishedKeys();
        for (String qrText : qrTexts) {
            assertThat(Encoder.encode(qrText, ErrorCorrectionLevel.Q).getVersion().getVersionNumber()).isLessThanOrEqualTo(8);
            VerifiedLabel verified = offlineVerifier.verify(qrText);
            assertThat(verified.reference().value()).matches("[0-9A-F]{32}");
            assertThat(verified.keyId()).startsWith("SWP");
            verifyAs("courier-swp-1", qrText).expectStatus().isOk()
                    .expectBody().jsonPath("$.waybillId").isEqualTo(id).jsonPath("$.carrier").isEqualTo("SWP");
        }
        String svg = new String(label(id, "sender1", "svg"), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("width=\"4in\"");
    }

    @Test
    void noLabelFormatShowsAnyPartOfThePersonalData() throws Exception {
        String id = printedWaybill();
        byte[] png = label(id, "sender1", "png");
        byte[] pdf = label(id, "sender1", "pdf");
        String svg = new String(label(id, "sender1", "svg"), StandardCharsets.UTF_8);
        String zpl = new String(label(id, "sender1", "zpl"), StandardCharsets.US_ASCII);
        String qrText = decodeQr(ImageIO.read(new ByteArrayInputStream(png)));
        String pdfText;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pdfText = new PDFTextStripper().getText(document) + document.getDocumentInformation().getCOSObject();
        }
        Map<String, String> outputs = Map.of("QR text", qrText, "PNG metadata", pngMetadata(png), "SVG", svg,
                "ZPL", zpl, "PDF text", pdfText);

        String ownDigits = trackingNumberIn(zpl) + " " + datesIn(zpl);
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            for (String fragment : personalFragments()) {
                if (isDigitsOnly(fragment) && ownDigits.contains(fragment)) {
                    continue; // digits that the random tracking number or the print date happen to contain
                }
                assertThat(output.getValue()).as("%s must not contain '%s'", output.getKey(), fragment)
                        .doesNotContainIgnoringCase(fragment);
            }
        }
        assertThat(zpl).contains("Swift Parcel").contains("BSN-01");
    }

    @Test
    void senderAdminsAndCouriersOfTheCarrierMayFetchTheLabelAndNobodyElse() {
        String id = printedWaybill();

        for (String allowed : List.of("sender1", "admin-swp", "courier-swp-1", "courier-swp-2")) {
            labelRequest(id, allowed, "png").expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                    .expectBody(byte[].class).value(png -> assertThat(png).isNotEmpty());
        }
        for (String refused : List.of("customer2", "recipient1", "courier-blr-1", "admin-nrt", "auditor", "platform-admin")) {
            labelRequest(id, refused, "png").expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("WAYBILL_NOT_FOUND");
        }
        labelRequest(id, null, "png").expectStatus().isUnauthorized();
    }

    @Test
    void labelAnswersCarryTheRightMediaTypesAndAFileNamedForTheTrackingNumber() {
        String id = printedWaybill();

        labelRequest(id, "sender1", "svg").expectStatus().isOk().expectHeader().contentType("image/svg+xml")
                .expectBody(byte[].class).value(svg -> assertThat(svg).isNotEmpty());
        labelRequest(id, "sender1", "pdf").expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().value("Content-Disposition", value -> assertThat(value).matches("inline; filename=\"SWP[0-9]{11}\\.pdf\""))
                .expectBody(byte[].class).value(pdf -> assertThat(pdf).isNotEmpty());
        labelRequest(id, "sender1", "zpl").expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(byte[].class).value(zpl -> assertThat(zpl).isNotEmpty());
        labelRequest(id, "sender1", "gif").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED").jsonPath("$.errors[0].field").isEqualTo("format");
    }

    @Test
    void aWaybillWithoutAPrintedLabelHasNoCurrentLabel() {
        String id = api.create(null);

        labelRequest(id, "sender1", "png").expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("LABEL_UNKNOWN");
    }

    @Test
    void aDisposedWaybillHasNoLabelAndItsLastLabelNoLongerResolves() throws Exception {
        String id = printedWaybill();
        String qrText = decodeQr(ImageIO.read(new ByteArrayInputStream(label(id, "sender1", "png"))));
        api.post("/waybills/" + id + "/disposal", "admin-swp", null, Map.of("reason", "LOST")).expectStatus().isOk();

        labelRequest(id, "sender1", "png").expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.code").isEqualTo("LABEL_DISPOSED");
        verifyAs("courier-swp-1", qrText).expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.code").isEqualTo("LABEL_DISPOSED");
    }

    @Test
    void aReprintRevokesThePreviousLabel() throws Exception {
        String id = printedWaybill();
        String first = decodeQr(ImageIO.read(new ByteArrayInputStream(label(id, "sender1", "png"))));
        api.post("/waybills/" + id + "/labels", "sender1", null, null).expectStatus().isOk();
        String second = decodeQr(ImageIO.read(new ByteArrayInputStream(label(id, "sender1", "png"))));

        verifyAs("courier-swp-1", first).expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.code").isEqualTo("LABEL_REVOKED");
        verifyAs("courier-swp-1", second).expectStatus().isOk();
    }

    @Test
    void tamperedForeignGarbledAndUnknownLabelsAreRejectedEachWithItsOwnCode() throws Exception {
        String id = printedWaybill();
        String genuine = decodeQr(ImageIO.read(new ByteArrayInputStream(label(id, "sender1", "png"))));
        char flipped = genuine.charAt(60) == 'A' ? 'B' : 'A';
        String tampered = genuine.substring(0, 60) + flipped + genuine.substring(61);
        LabelQrCodec foreign = new LabelQrCodec(new LabelSigningKeys(Map.of(SWP, LabelKeyRing.of(
                new JWKSet(LabelKeyRing.generateKey(SWP, new SecureRandom())), null, Set.of()))), "HTTPS://EXQ.RS/L/");

        verifyAs("courier-swp-1", tampered).expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("LABEL_FORGED");
        verifyAs("courier-swp-1", foreign.encode(SWP, LabelReference.mint(new SecureRandom()))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("LABEL_FORGED");
        verifyAs("courier-swp-1", "Kim Minji, 010-1234-5678").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("LABEL_MALFORMED");
        verifyAs("courier-swp-1", codec.encode(SWP, LabelReference.mint(new SecureRandom()))).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("LABEL_UNKNOWN");
    }

    @Test
    void onlyCarrierPartiesOfTheWaybillLearnWhatALabelIs() throws Exception {
        String id = printedWaybill();
        String qrText = decodeQr(ImageIO.read(new ByteArrayInputStream(label(id, "sender1", "png"))));

        verifyAs("courier-blr-1", qrText).expectStatus().isOk();
        verifyAs("admin-swp", qrText).expectStatus().isOk();
        for (String outsider : List.of("courier-nrt-1", "admin-nrt", "customer2", "sender1", "auditor")) {
            verifyAs(outsider, qrText).expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("LABEL_UNKNOWN");
        }
    }

    /**
     * Verifies with nothing but the keys published at /.well-known/jwks.json, as a carrier's scanner would:
     * all of them in one ring of a made-up carrier, beside a key of its own that the codec needs to sign.
     */
    private LabelQrCodec verifierOfPublishedKeys() throws java.text.ParseException {
        String jwks = webClient.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        CarrierId scanner = new CarrierId("SCN");
        com.nimbusds.jose.jwk.ECKey ownSigningKey = LabelKeyRing.generateKey(scanner, new SecureRandom());
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>(JWKSet.parse(jwks).getKeys());
        keys.add(ownSigningKey);
        LabelKeyRing published = LabelKeyRing.of(new JWKSet(keys), ownSigningKey.getKeyID(), Set.of());
        return new LabelQrCodec(new LabelSigningKeys(Map.of(scanner, published)), "HTTPS://EXQ.RS/L/");
    }

    private String printedWaybill() {
        Map<String, Object> request = new java.util.HashMap<>(createRequest("48094"));
        request.put("sender", Map.of("name", PERSONAL.get(0), "phone", PERSONAL.get(1), "email", PERSONAL.get(2),
                "address", Map.of("line1", PERSONAL.get(3), "line2", PERSONAL.get(4), "city", PERSONAL.get(5),
                        "postalCode", PERSONAL.get(11), "country", "KR")));
        request.put("recipient", Map.of("name", PERSONAL.get(6), "phone", PERSONAL.get(7),
                "address", Map.of("line1", PERSONAL.get(8), "line2", PERSONAL.get(9), "city", PERSONAL.get(10),
                        "postalCode", PERSONAL.get(12), "country", "KR")));
        request.put("note", "ring Zyqvo twice");
        String id = api.post("/waybills", "sender1", null, request).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("waybillId").toString();
        api.post("/waybills/" + id + "/labels", "sender1", null, null).expectStatus().isOk();
        return id;
    }

    private byte[] label(String id, String user, String format) {
        return labelRequest(id, user, format).expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec labelRequest(String id, String user, String format) {
        var request = webClient.get().uri("/waybills/{id}/labels/current?format={format}", id, format);
        if (user != null) {
            request.header("Authorization", bearer(user));
        }
        return request.exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec verifyAs(String user, String qrText) {
        return api.post("/labels/verifications", user, null, Map.of("qrText", qrText));
    }

    /** Every part of four or more characters of the personal data, case-insensitively. */
    private static Set<String> personalFragments() {
        Set<String> fragments = new java.util.HashSet<>();
        for (String value : PERSONAL) {
            for (int start = 0; start + 4 <= value.length(); start++) {
                for (int end = start + 4; end <= value.length(); end++) {
                    String fragment = value.substring(start, end).strip();
                    if (fragment.length() >= 4) {
                        fragments.add(fragment);
                    }
                }
            }
        }
        fragments.add("Zyqvo twice");
        return fragments;
    }

    private static boolean isDigitsOnly(String fragment) {
        return fragment.chars().allMatch(c -> Character.isDigit(c) || c == '-');
    }

    private static String trackingNumberIn(String zpl) {
        Matcher tracking = Pattern.compile("SWP[0-9]{11}").matcher(zpl);
        return tracking.find() ? tracking.group() : "";
    }

    private static String datesIn(String zpl) {
        Matcher date = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}").matcher(zpl);
        return date.find() ? date.group() : "";
    }

    static String decodeQr(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static BufferedImage pdfPage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, 203);
        }
    }

    private static String zplQrText(String zpl) {
        Matcher qr = Pattern.compile("\\^FDQA,([^\\^]+)\\^FS").matcher(zpl);
        assertThat(qr.find()).as("the ZPL has a ^BQ field with error correction Q").isTrue();
        return qr.group(1);
    }

    private static String pngMetadata(byte[] png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            List<String> text = new ArrayList<>();
            collect(metadata.getAsTree(metadata.getNativeMetadataFormatName()), text);
            return String.join("\n", text);
        }
    }

    private static void collect(Node node, List<String> text) {
        text.add(node.getNodeName());
        if (node.getAttributes() != null) {
            for (int i = 0; i < node.getAttributes().getLength(); i++) {
                text.add(node.getAttributes().item(i).toString());
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, text);
        }
    }
}
