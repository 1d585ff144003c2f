/** What every Exqress service shares; each service imports {@link com.exqress.platform.ExqressPlatform}. */
package com.exqress.platform;
