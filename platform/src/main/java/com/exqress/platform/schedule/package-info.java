/** Work a service repeats in the background for as long as it runs. */
package com.exqress.platform.schedule;
