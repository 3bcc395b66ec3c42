package org.councilflow.workflow.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.flowable.common.engine.api.engine.EngineLifecycleListener;
import org.flowable.common.engine.api.Engine;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Indexes the engine's own schema lacks for our queries. The inbox asks for a council's open tasks, newest first:
 * without an index on the tenant, that is a scan of every council's tasks (450 ms at 400 councils x 250 reports on
 * the benchmark machine, see docs/benchmarks.md). Flyway migrates before the engine creates its tables in a fresh
 * database, so a migration cannot create them: they are created as soon as the engine has built or updated its
 * schema, idempotently and under an advisory lock, since replicas may start together.
 */
final class EngineIndexes implements EngineLifecycleListener {

    private static final List<String> INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS cf_idx_ru_task_tenant_created ON %sact_ru_task (tenant_id_, create_time_)");

    private final DataSource dataSource;
    private final String schema;

    EngineIndexes(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema == null || schema.isBlank() ? "" : schema + ".";
    }

    @Override
    public void onEngineBuilt(Engine engine) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(hashtext('councilflow.engine-indexes'))");
                for (String index : INDEXES) {
                    s.execute(index.formatted(schema));
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the indexes of the workflow engine's tables: " + e.getMessage(), e);
        }
    }

    @Override
    public void onEngineClosed(Engine engine) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        EngineConfigurationConfigurer<SpringProcessEngineConfiguration> engineIndexes() {
            return configuration -> configuration.addEngineLifecycleListener(
                    new EngineIndexes(configuration.getDataSource(), configuration.getDatabaseSchema()));
        }
    }
}
