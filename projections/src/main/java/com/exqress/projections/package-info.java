/** Event handlers that build the customer, courier and admin read models (read models arrive with issue 5). */
package com.exqress.projections;
