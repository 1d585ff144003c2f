package com.exqress.command.label;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.util.Set;

/**
 * {@code exqress.labels.*}: where label QR codes point and which keys sign them.
 *
 * @param qrBaseUrl the upper-case URL prefix of every QR text
 * @param keys      the signing keys: an inline JWK set ({@code EXQRESS_LABELS_KEYS_JWKS}) or a file; the
 *                  active key signs, the others only verify until listed as retired
 */
@ConfigurationProperties("exqress.labels")
public record LabelProperties(@DefaultValue("HTTPS://EXQ.RS/L/") String qrBaseUrl, @DefaultValue Keys keys) {

    public record Keys(String jwks, Resource location, String activeKid, @DefaultValue Set<String> retiredKids) {
    }
}
