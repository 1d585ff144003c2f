package com.exqress.projections.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which URLs a webhook may post to: absolute https URLs, and plain http to this machine only where
 * {@code exqress.webhooks.allow-plain-http-to-localhost} allows it. No user name or password in the URL, because
 * every admin who lists the carrier's webhooks sees it. Private and internal addresses are not refused.
 */
final class WebhookUrls {

    static final int MAX_LENGTH = 2048;
    private static final Set<String> LOCALHOST = Set.of("localhost", "127.0.0.1");

    private WebhookUrls() {
    }

    /** @throws InvalidWebhookUrlException when the URL may not be used */
    static void check(String url, boolean allowPlainHttpToLocalhost) {
        if (url == null || url.isBlank()) {
            throw new InvalidWebhookUrlException("is required: the https URL that receives the events");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidWebhookUrlException("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidWebhookUrlException("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidWebhookUrlException("must be an absolute https URL");
        }
        if (scheme.equals("http") && !(allowPlainHttpToLocalhost && LOCALHOST.contains(uri.getHost().toLowerCase(Locale.ROOT)))) {
            throw new InvalidWebhookUrlException("must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidWebhookUrlException("must not contain a user name or password");
        }
    }
}
