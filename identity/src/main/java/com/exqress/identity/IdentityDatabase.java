package com.exqress.identity;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identity service's own database. Its data source is deliberately not a Spring bean: it must not
 * become (or displace) the event store's data source, and its transactions are its own.
 */
@Component
public class IdentityDatabase implements DisposableBean {

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    /** @param connectionTimeout milliseconds, the event store pool's bound (exqress-platform.properties) */
    public IdentityDatabase(IdentityProperties properties,
                            @Value("${spring.datasource.hikari.connection-timeout}") long connectionTimeout) {
        IdentityProperties.Datasource datasource = properties.datasource();
        if (datasource == null || datasource.url() == null) {
            throw new IllegalStateException("the embedded identity service needs exqress.identity.datasource.url");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("identity");
        config.setJdbcUrl(datasource.url());
        config.setUsername(datasource.username());
        config.setPassword(datasource.password());
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(connectionTimeout);
        this.dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/identity").load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    TransactionTemplate transaction() {
        return transaction;
    }

    @Override
    public void destroy() {
        dataSource.close();
    }
}
