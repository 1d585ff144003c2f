package com.exqress.projections;

import com.exqress.platform.ExqressPlatform;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The projections service on its own, pointed at an external PostgreSQL. */
@SpringBootApplication
@Import(ExqressPlatform.class)
public class ProjectionsApplication {

    public static void main(String[] args) {
        ExqressPlatform.quietAxon();
        SpringApplication.run(ProjectionsApplication.class, args);
    }
}
