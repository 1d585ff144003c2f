package com.exqress.command.label;

import com.exqress.waybill.api.CarrierId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.util.Map;
import java.util.Set;

/**
 * {@code exqress.labels.*}: where label QR codes point and which keys sign them.
 *
 * @param qrBaseUrl the upper-case URL prefix of every QR text
 * @param carriers  each carrier's signing keys by carrier code ({@code exqress.labels.carriers.SWP.*},
 *                  {@code EXQRESS_LABELS_CARRIERS_SWP_JWKS}); a carrier's keys sign only its own labels
 */
@ConfigurationProperties("exqress.labels")
public record LabelProperties(@DefaultValue("HTTPS://EXQ.RS/L/") String qrBaseUrl,
                              @DefaultValue Map<String, Keys> carriers) {

    /**
     * One carrier's keys: an inline JWK set or a file; the active key signs, the others only verify until
     * listed as retired. Without a JWK set or file, the active and retired key ids apply to the keys kept in
     * the data directory.
     */
    public record Keys(String jwks, Resource location, String activeKid, @DefaultValue Set<String> retiredKids) {

        static final Keys NONE = new Keys(null, null, null, Set.of());
    }

    /**
     * The keys configured for a carrier. Map keys bound from environment variables arrive in lower case
     * ({@code EXQRESS_LABELS_CARRIERS_SWP_JWKS} binds {@code swp}), so codes match whatever their case. Keys
     * that differ only in case bind the same settings (the binder matches names case-insensitively), so
     * any match will do.
     */
    Keys keysOf(CarrierId carrier) {
        return carriers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(carrier.code()))
                .map(Map.Entry::getValue)
                .findFirst().orElse(Keys.NONE);
    }
}
