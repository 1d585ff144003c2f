package com.exqress.standalone;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series a PromQL expression reads: each metric name, as a scrape must expose it (a histogram's
 * {@code _bucket}, {@code _count} and {@code _sum} are names of their own), with the label names its matchers use.
 * Enough PromQL for dashboards and alert rules: strings, durations, label lists of {@code by}/{@code without}/
 * {@code on}/{@code ignoring}/{@code group_left}/{@code group_right}, functions, aggregations and keywords are not
 * metric names. A name written as {@code {__name__="…"}} is not supported and fails loudly.
 */
final class PromQlSelectors {

    /** A metric name and the label names of its matchers. */
    record Selector(String metric, Set<String> labels) {
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern TOKEN = Pattern.compile(
            "([A-Za-z_:][A-Za-z0-9_:]*)\\s*(\\{[^}]*})?|(\\{[^}]*})|([0-9][0-9.eE+-]*[a-z]*)");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=~|!~|!=|=)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    private PromQlSelectors() {
    }

    static List<Selector> of(String expression) {
        // Strings first (a matcher's value may hold anything), keeping their quotes so matchers still parse.
        String code = STRING.matcher(expression).replaceAll("\"\"");
        code = RANGE.matcher(code).replaceAll(" ");
        code = LABEL_LIST.matcher(code).replaceAll(" ");
        List<Selector> selectors = new ArrayList<>();
        Matcher token = TOKEN.matcher(code);
        while (token.find()) {
            if (token.group(3) != null) {
                throw new IllegalArgumentException("a selector without a metric name: " + token.group(3) + " in " + expression);
            }
            String name = token.group(1);
            if (name == null || KEYWORDS.contains(name) || isCall(code, token)) {
                continue;
            }
            selectors.add(new Selector(name, labelsOf(token.group(2))));
        }
        return selectors;
    }

    /** A function or an aggregation: its name is followed by an opening parenthesis, maybe after by (…). */
    private static boolean isCall(String code, Matcher token) {
        return token.group(2) == null && code.substring(token.end()).stripLeading().startsWith("(");
    }

    private static Set<String> labelsOf(String matchers) {
        Set<String> labels = new LinkedHashSet<>();
        if (matchers != null) {
            Matcher label = MATCHER_LABEL.matcher(matchers);
            while (label.find()) {
                labels.add(label.group(1));
            }
        }
        return labels;
    }
}
