package com.exqress.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With an external database configured, the embedded default stays out of the way. */
class EmbeddedDatabaseDefaultsTest {

    @Test
    void startsNoEmbeddedDatabaseWhenADatasourceUrlIsConfigured() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("external",
                Map.of("spring.datasource.url", "jdbc:postgresql://db.internal:5432/exqress")));
        SpringApplication application = new SpringApplication(ExqressApplication.class);

        new EmbeddedDatabaseDefaults().postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:5432/exqress");
        assertThat(environment.getPropertySources().contains(EmbeddedDatabaseDefaults.PROPERTY_SOURCE)).isFalse();
        assertThat(application.getListeners()).noneMatch(StopOnShutdown.class::isInstance);
    }
}
