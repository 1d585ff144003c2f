package com.exqress.embedded;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Blocking that BlockHound reports in tests but that is bounded and one-off, so it is allowed:
 * Jackson takes a lock while it builds the deserializer for a type the first time; concurrent first
 * requests wait on it once, on whatever thread they run. springdoc builds the OpenAPI document on the first
 * request for it, reading class files under a lock, and serves it from a cache after that.
 */
public class KnownBenignBlocking implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("com.fasterxml.jackson.databind.deser.DeserializerCache",
                "_createAndCacheValueDeserializer");
        builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
    }
}
