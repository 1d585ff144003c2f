/**
 * The embedded default's identity service, with its own database: accounts with bcrypt-hashed passwords,
 * login, refresh-token rotation with reuse detection, and short-lived ES256 access tokens. Production points
 * the services at an OIDC provider instead.
 */
package com.exqress.identity;
