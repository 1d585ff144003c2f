/** Serves the built pages under /ui/ without a login and with a strict Content-Security-Policy. */
package com.exqress.web;
