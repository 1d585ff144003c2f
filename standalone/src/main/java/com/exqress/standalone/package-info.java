/** All Exqress services in one process, on an embedded PostgreSQL unless told otherwise. No business logic. */
package com.exqress.standalone;
