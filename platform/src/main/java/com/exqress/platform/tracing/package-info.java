/** A request's trace, and so the trace id in its log lines, carried through Axon: into the events it records and their handlers. */
package com.exqress.platform.tracing;
