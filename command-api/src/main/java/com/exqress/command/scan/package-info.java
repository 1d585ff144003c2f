/** The courier scan: verify the label, record the custody step, answer with only what the next step needs. */
package com.exqress.command.scan;
