/** Labels on the command side: signing keys, the reference index, rendering the current label, resolving a scanned one. */
package com.exqress.command.label;
