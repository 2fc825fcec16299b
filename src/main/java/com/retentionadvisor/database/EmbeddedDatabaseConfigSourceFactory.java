package com.retentionadvisor.database;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * The default database: when no datasource URL is configured (QUARKUS_DATASOURCE_JDBC_URL or
 * quarkus.datasource.jdbc.url), start an embedded PostgreSQL and point the datasource at it.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "retention.embedded-postgres.enabled";
    static final String DATA_DIR = "retention.embedded-postgres.data-dir";
    static final String WIPE = "retention.embedded-postgres.wipe-on-start";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // The build reads configuration too; only a starting application needs a database.
        if (ExecutionMode.current() == ExecutionMode.UNSET) {
            return List.of();
        }
        String configuredUrl = value(context, "quarkus.datasource.jdbc.url", "");
        if (!configuredUrl.isBlank() || !Boolean.parseBoolean(value(context, ENABLED, "true"))) {
            return List.of();
        }
        Path dataDirectory = Path.of(value(context, DATA_DIR, ".data/postgres"));
        boolean wipe = Boolean.parseBoolean(value(context, WIPE, "false"));
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, wipe);
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"), "embedded-postgres", 240));
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
