/** JMH benchmarks for the label module: rendering per format and QR signature signing and verification. */
package com.exqress.bench;
