/** Carrier partnerships on the command side: the index hand-offs and scans check, the demo seed. */
package com.exqress.command.carrier;
