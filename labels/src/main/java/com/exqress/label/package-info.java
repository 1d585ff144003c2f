/**
 * The printed label: the signed opaque reference its QR code carries, and the label itself in PNG, SVG,
 * PDF and ZPL. A label shows only what a sorting hub needs; it cannot show personal data because
 * {@link com.exqress.label.LabelContent} has no field for any.
 */
package com.exqress.label;
