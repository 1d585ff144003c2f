package com.exqress.standalone;

import com.exqress.web.WebPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages as their users meet them: served by the whole system from the classpath the jar has, without a
 * login and with a strict Content-Security-Policy, and driven in Chromium by {@code web/frontend/e2e/pages.e2e.mjs}
 * (customers, couriers with a fake camera that films the printed label, one of them offline for a while, a carrier
 * admin and a platform admin). Its screenshots and log are in {@code target/e2e}, made afresh by each run.
 */
class WebPagesIT {

    private static final Path FRONTEND = Path.of("../web/frontend").toAbsolutePath().normalize();
    private static final Path OUTPUT = Path.of("target/e2e").toAbsolutePath();
    private static final long E2E_TIMEOUT_SECONDS = 180;
    /** Short, so that the admin console lists the test's parcel as stuck by the time the admin looks. */
    private static final String STUCK_IN_TRANSIT_AFTER = "PT1S";

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(ExqressApplication.class)
                .run("--server.port=0", "--exqress.data-dir=" + dataDir,
                        "--exqress.tracking.stuck-after-per-status[IN_TRANSIT]=" + STUCK_IN_TRANSIT_AFTER);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void servesThePagesToAnyoneWithAStrictContentSecurityPolicy() {
        for (String page : List.of("/ui/", "/ui/track.html", "/ui/courier.html", "/ui/admin.html")) {
            client().get().uri(page).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().valueEquals("Content-Security-Policy", WebPages.CONTENT_SECURITY_POLICY)
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
        }
        client().get().uri("/").exchange().expectStatus().isSeeOther().expectHeader().location("/ui/");
        client().get().uri("/ui/manifest.webmanifest").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.start_url").isEqualTo("/ui/courier.html");
        client().get().uri("/ui/sw.js").exchange().expectStatus().isOk();
        assertThat(WebPages.CONTENT_SECURITY_POLICY).contains("default-src 'self'", "script-src 'self'").doesNotContain("unsafe");
    }

    @Test
    void theApiBehindThePagesStillWantsAToken() {
        client().get().uri("/me/parcels").exchange().expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Content-Security-Policy");
        client().get().uri("/ui/../me/parcels").exchange().expectStatus().isBadRequest();
    }

    @Test
    void aCustomerACourierAndAnAdminUseThePagesInChromium() throws Exception {
        FileSystemUtils.deleteRecursively(OUTPUT);
        Files.createDirectories(OUTPUT);
        Path log = OUTPUT.resolve("pages.e2e.log");
        ProcessBuilder e2e = new ProcessBuilder("node", "e2e/pages.e2e.mjs").directory(FRONTEND.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        e2e.environment().put("EXQRESS_URL", "http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
        e2e.environment().put("SCREENSHOTS", OUTPUT.toString());
        e2e.environment().put("STUCK_IN_TRANSIT_AFTER", STUCK_IN_TRANSIT_AFTER);
        Process process = e2e.start();
        boolean finished = process.waitFor(E2E_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(finished).as("the browser test finished within %d s:%n%s", E2E_TIMEOUT_SECONDS, output).isTrue();
        assertThat(process.exitValue()).as("the browser test's exit status:%n%s", output).isZero();
        assertThat(output).contains("all checks passed");
    }

    private static WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.ALL_VALUE)
                .build();
    }
}
