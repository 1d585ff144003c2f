package com.exqress.standalone;

import com.exqress.standalone.PromQlSelectors.Selector;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromQlSelectorsTest {

    @Test
    void aHistogramQuantileReadsTheBucketsAndNothingElse() {
        assertThat(PromQlSelectors.of("histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
                + "{uri=\"/scans\", rollouts_pod_template_hash=\"{{args.canary-hash}}\"}[5m])))"))
                .containsExactly(new Selector("http_server_requests_seconds_bucket", Set.of("uri", "rollouts_pod_template_hash")));
    }

    @Test
    void bothSidesOfARatioAreRead() {
        assertThat(PromQlSelectors.of("""
                sum by (application) (rate(http_server_requests_seconds_count{outcome="SERVER_ERROR"}[5m]))
                /
                sum by (application) (rate(exqress_scans_latency_seconds_sum[$__rate_interval])) > 0.01"""))
                .containsExactly(new Selector("http_server_requests_seconds_count", Set.of("outcome")),
                        new Selector("exqress_scans_latency_seconds_sum", Set.of()));
    }

    @Test
    void aBareMetricAndOneWithAnOffsetAreRead() {
        assertThat(PromQlSelectors.of("max by (processor) (exqress_processor_lag_seconds) - exqress_processor_lag_events offset 5m"))
                .extracting(Selector::metric).containsExactly("exqress_processor_lag_seconds", "exqress_processor_lag_events");
    }

    @Test
    void stringsThatLookLikeMetricsOrBracesAreNotRead() {
        assertThat(PromQlSelectors.of("sum(rate(exqress_scans_total{code=~\"LABEL_FORGED|x{1}\", action!=\"not_a_metric(\"}[1h]))"))
                .containsExactly(new Selector("exqress_scans_total", Set.of("code", "action")));
    }

    @Test
    void aSelectorWithoutAMetricNameIsRefused() {
        assertThatThrownBy(() -> PromQlSelectors.of("sum({__name__=~\"exqress_.*\"})")).isInstanceOf(IllegalArgumentException.class);
    }
}
