/**
 * Benchmarks: JMH for in-process code (label rendering, QR signatures), and system benchmarks on the embedded
 * defaults (projection replay, tracking queries, courier scans), each against a baseline measured in the same run.
 */
package com.exqress.bench;
