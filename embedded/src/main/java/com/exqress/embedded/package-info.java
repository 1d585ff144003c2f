/** A real PostgreSQL server run as a child process and a Kafka broker run in-process, for the embedded default and for tests. */
package com.exqress.embedded;
