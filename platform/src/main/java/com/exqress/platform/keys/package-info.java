/** Signing keys that the embedded default generates once and keeps in its data directory. */
package com.exqress.platform.keys;
