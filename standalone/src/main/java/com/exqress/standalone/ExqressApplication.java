package com.exqress.standalone;

import com.exqress.command.CommandApiApplication;
import com.exqress.identity.EmbeddedIdentity;
import com.exqress.platform.ExqressPlatform;
import com.exqress.projections.ProjectionsApplication;
import com.exqress.query.QueryApiApplication;
import com.exqress.web.WebPages;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * command-api, query-api, projections, the embedded identity service and the web pages in one process, serving one
 * port.
 */
@SpringBootApplication
@Import({CommandApiApplication.class, QueryApiApplication.class, ProjectionsApplication.class, EmbeddedIdentity.class,
        WebPages.class})
public class ExqressApplication {

    public static void main(String[] args) {
        ExqressPlatform.quietAxon();
        SpringApplication.run(ExqressApplication.class, args);
    }
}
