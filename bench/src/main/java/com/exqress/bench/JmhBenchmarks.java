package com.exqress.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link LabelRenderingBenchmark} and {@link LabelSignatureBenchmark} through JMH's API, with the iterations given
 * instead of {@link BenchSettings}' (one fork each still), for the suite's short run.
 */
final class JmhBenchmarks {

    private static final String[] FORMATS = {"PNG", "SVG", "PDF", "ZPL"};
    private static final double RENDER_TARGET = 500;

    /** Operations per second by benchmark method, {@code render} by format, e.g. {@code "render PNG"}. */
    record Result(Map<String, Double> opsPerSecond) {

        List<Figure> figures() {
            List<Figure> figures = new ArrayList<>();
            for (String format : FORMATS) {
                double renders = score("render " + format);
                figures.add(new Figure("5. label renders/s per core, " + format, renders, "ops/s",
                        "QR symbol (encode + self-check)", score("qrSymbol"), "≥ 500/s", renders >= RENDER_TARGET));
            }
            // Since LabelQrCodec remembers the signatures that held, verify() checks one QR text over and over and
            // measures a hit of that cache; a label's first verification costs what jcaVerify does.
            figures.add(Figure.untargeted("5. label verifications/s per core (the same text: a cache hit)", score("verify"), "ops/s",
                    "plain JCA ES256 verify", score("jcaVerify")));
            figures.add(Figure.untargeted("5. label signatures/s per core", score("encode"), "ops/s",
                    "plain JCA ES256 sign", score("jcaSign")));
            return figures;
        }

        private double score(String benchmark) {
            Double score = opsPerSecond.get(benchmark);
            if (score == null) {
                throw new IllegalStateException("JMH reported nothing for " + benchmark);
            }
            return score;
        }
    }

    private JmhBenchmarks() {
    }

    static Result run(int warmupIterations, int measurementIterations, int secondsPerIteration) throws RunnerException {
        TimeValue iteration = TimeValue.seconds(secondsPerIteration);
        Map<String, Double> scores = new HashMap<>();
        for (RunResult result : new Runner(new OptionsBuilder()
                .include(LabelRenderingBenchmark.class.getName())
                .include(LabelSignatureBenchmark.class.getName())
                .warmupIterations(warmupIterations).warmupTime(iteration)
                .measurementIterations(measurementIterations).measurementTime(iteration)
                .verbosity(VerboseMode.SILENT)
                .build()).run()) {
            String benchmark = result.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String format = result.getParams().getParam("format");
            scores.put(method.equals("render") ? method + " " + format : method, result.getPrimaryResult().getScore());
        }
        return new Result(scores);
    }
}
