package com.exqress.projections.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlsTest {

    @Test
    void anAbsoluteHttpsUrlIsAccepted() {
        assertThatCode(() -> WebhookUrls.check("https://hooks.carrier.example/exqress?tenant=7", false)).doesNotThrowAnyException();
        assertThatCode(() -> WebhookUrls.check("HTTPS://hooks.carrier.example:8443/", false)).doesNotThrowAnyException();
    }

    @Test
    void plainHttpIsForLocalhostOnlyAndOnlyWhereAllowed() {
        assertThatCode(() -> WebhookUrls.check("http://localhost:9000/hook", true)).doesNotThrowAnyException();
        assertThatCode(() -> WebhookUrls.check("http://127.0.0.1:9000/hook", true)).doesNotThrowAnyException();
        refused("http://localhost:9000/hook", false, "must use https");
        refused("http://hooks.carrier.example/hook", true, "must use https");
        refused("http://10.0.0.7/hook", true, "must use https");
    }

    @Test
    void anythingElseIsRefusedWithWhatToFix() {
        refused(null, true, "is required: the https URL that receives the events");
        refused("  ", true, "is required: the https URL that receives the events");
        refused("hooks.carrier.example/hook", true, "must be an absolute https URL");
        refused("/hook", true, "must be an absolute https URL");
        refused("ftp://hooks.carrier.example/hook", true, "must be an absolute https URL");
        refused("https://hooks carrier.example/", true, "must be an absolute https URL");
        refused("https:///hook", true, "must be an absolute https URL");
        refused("https://user:password@hooks.carrier.example/", true, "must not contain a user name or password");
        refused("https://hooks.carrier.example/" + "a".repeat(WebhookUrls.MAX_LENGTH), true, "must be at most 2048 characters");
    }

    private static void refused(String url, boolean allowPlainHttpToLocalhost, String message) {
        assertThatThrownBy(() -> WebhookUrls.check(url, allowPlainHttpToLocalhost))
                .isInstanceOf(InvalidWebhookUrlException.class).hasMessage(message);
    }
}
