package com.exqress.platform.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.time.Duration;

/**
 * {@code exqress.data-keys.*}: the master keys that wrap each waybill's data key.
 *
 * @param masterKeys a JWK set of 256-bit {@code oct} keys, inline ({@code EXQRESS_DATAKEYS_MASTERKEYS}, from a
 *                   secret store)
 * @param location   or a file holding that JWK set
 * @param activeKid  the key that wraps new data keys; the others only unwrap (needed when the set holds several)
 * @param cacheTtl   how long an unwrapped data key is kept in memory for reading; bounds how long a service that
 *                   did not dispose of a waybill itself can still read its personal data afterwards
 */
@ConfigurationProperties("exqress.data-keys")
public record DataKeyProperties(String masterKeys, Resource location, String activeKid,
                                @DefaultValue("PT30S") Duration cacheTtl) {
}
