/** Every request is authenticated by a JWT access token, from the embedded identity service or any OIDC provider. */
package com.exqress.platform.security;
