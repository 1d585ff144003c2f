/** The carriers on the platform, their hubs and routing tables, read from configuration. */
package com.exqress.platform.carrier;
