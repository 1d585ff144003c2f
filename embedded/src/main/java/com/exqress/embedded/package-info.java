/** A real PostgreSQL server run as a child process, for the embedded default and for tests. */
package com.exqress.embedded;
