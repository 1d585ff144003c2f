package com.exqress.query;

import com.exqress.platform.ExqressPlatform;
import com.exqress.query.readmodel.TrackingSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** The query-api service on its own, pointed at an external PostgreSQL. */
@SpringBootApplication
@Import(ExqressPlatform.class)
@EnableConfigurationProperties(TrackingSettings.class)
public class QueryApiApplication {

    public static void main(String[] args) {
        ExqressPlatform.quietAxon();
        SpringApplication.run(QueryApiApplication.class, args);
    }
}
