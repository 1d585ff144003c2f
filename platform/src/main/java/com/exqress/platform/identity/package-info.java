/**
 * Who is calling. One seam, {@link com.exqress.platform.identity.ActorResolver}, that the identity
 * issue replaces with JWT validation; until then only the embedded profile names the caller in a header.
 */
package com.exqress.platform.identity;
