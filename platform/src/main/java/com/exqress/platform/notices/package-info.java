/** PostgreSQL {@code LISTEN}/{@code NOTIFY}: how one service learns, within moments, what another committed. */
package com.exqress.platform.notices;
