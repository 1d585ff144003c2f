package com.exqress.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/grafana/exqress-dashboard.json is a dashboard Grafana imports as it is: one datasource variable that every
 * panel and query uses, unique panel ids, panels within the 24-column grid, and a PromQL query behind every panel.
 * Whether its queries name metrics the services expose is StandaloneIT's check, against a running instance.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Infra.ROOT.resolve("infra/grafana/exqress-dashboard.json");

    @Test
    void importsAsItIs() throws IOException {
        JsonNode dashboard = Infra.JSON.readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
        assertThat(dashboard.path("templating").path("list").findValuesAsText("name")).contains("datasource");

        List<String> problems = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            String where = "panel " + panel.path("id") + " " + panel.path("title").asText() + ": ";
            if (!ids.add(panel.path("id").asInt())) {
                problems.add(where + "its id is taken");
            }
            JsonNode grid = panel.path("gridPos");
            if (grid.path("x").asInt() + grid.path("w").asInt() > 24 || grid.path("w").asInt() < 1 || grid.path("h").asInt() < 1) {
                problems.add(where + "outside the 24-column grid: " + grid);
            }
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            if (!panel.path("datasource").path("uid").asText().equals("${datasource}")) {
                problems.add(where + "not on the datasource variable");
            }
            if (panel.path("targets").isEmpty()) {
                problems.add(where + "no query");
            }
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                queries++;
                if (target.path("expr").asText().isBlank() || !refIds.add(target.path("refId").asText())) {
                    problems.add(where + "a query without PromQL or with a repeated refId: " + target);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(queries).isGreaterThan(20);
    }

    /** Argo CD installs it as a ConfigMap that Grafana's sidecar loads: base includes the kustomization beside it. */
    @Test
    void isInstalledWithTheServices() {
        assertThat(Infra.read(DASHBOARD.resolveSibling("kustomization.yaml"))).contains("exqress-dashboard.json", "grafana_dashboard");
        assertThat(Infra.read(Infra.ARGOCD.resolve("base/kustomization.yaml"))).contains("../../grafana");
    }
}
