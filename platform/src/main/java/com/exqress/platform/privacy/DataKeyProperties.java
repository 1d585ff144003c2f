package com.exqress.platform.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.net.URI;
import java.time.Duration;

/**
 * {@code exqress.data-keys.*}: the master keys that wrap each waybill's data key.
 *
 * @param kmsWrapped that JWK set encrypted by an AWS KMS key: KMS's {@code CiphertextBlob} in base64, made with the
 *                   encryption context {@code purpose=exqress-data-master-keys} ({@code EXQRESS_DATAKEYS_KMSWRAPPED})
 * @param kmsRegion  the KMS key's region, when the AWS SDK's default region is not it
 * @param kmsEndpoint a KMS endpoint other than the region's public one (a VPC endpoint)
 * @param masterKeys or the JWK set of 256-bit {@code oct} keys itself, inline ({@code EXQRESS_DATAKEYS_MASTERKEYS}, from
 *                   a secret store)
 * @param location   or a file holding that JWK set
 * @param activeKid  the key that wraps new data keys; the others only unwrap (needed when the set holds several)
 * @param cacheTtl   how long an unwrapped data key is kept in memory for reading at most; a destroyed key's copy
 *                   is dropped when its destruction is announced, and this bounds one whose announcement was missed
 */
@ConfigurationProperties("exqress.data-keys")
public record DataKeyProperties(String kmsWrapped, String kmsRegion, URI kmsEndpoint, String masterKeys,
                                Resource location, String activeKid,
                                @DefaultValue("PT30S") Duration cacheTtl) {
}
