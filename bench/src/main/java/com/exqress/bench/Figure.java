package com.exqress.bench;

import java.util.List;
import java.util.Locale;

/**
 * One line of the suite's table: a figure, the baseline it was measured against in the same run, their ratio, the
 * target and whether it was met.
 *
 * @param baseline the baseline's value in the same unit, or NaN when the figure has no baseline
 * @param target   the target as issue 7 states it, or "—" when it states none
 * @param met      whether the target was met, null when there is no target to meet
 */
record Figure(String name, double value, String unit, String baselineName, double baseline, String target, Boolean met) {

    /** A figure with no target of its own. */
    static Figure untargeted(String name, double value, String unit, String baselineName, double baseline) {
        return new Figure(name, value, unit, baselineName, baseline, "—", null);
    }

    double ratio() {
        return value / baseline;
    }

    static void printTable(List<Figure> figures) {
        System.out.printf("%n| figure | value | baseline | baseline value | ratio | target | met? |%n"
                + "|---|---|---|---|---|---|---|%n");
        for (Figure figure : figures) {
            boolean hasBaseline = !Double.isNaN(figure.baseline());
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", figure.name(),
                    (number(figure.value()) + " " + figure.unit()).trim(), hasBaseline ? figure.baselineName() : "—",
                    hasBaseline ? number(figure.baseline()) + " " + figure.unit() : "—",
                    hasBaseline ? String.format(Locale.ROOT, "%.2f", figure.ratio()) : "—", figure.target(),
                    figure.met() == null ? "—" : figure.met() ? "yes" : "**no**");
        }
    }

    /** Whole numbers as such (counts), others with two decimals below 100 and none above. */
    private static String number(double value) {
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
