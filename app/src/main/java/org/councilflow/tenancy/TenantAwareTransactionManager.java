package org.councilflow.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Hands the {@link TenantContext} to PostgreSQL at the start of every transaction, as transaction-local settings
 * that the row-level security policies read, with this instance's proof of them (ADR 0007): the database honours
 * only settings the transaction manager made, never ones that SQL run later in the transaction sets. A transaction
 * begun outside any tenant sees no tenant-owned row.
 */
class TenantAwareTransactionManager extends JdbcTransactionManager {

    private final TenantProofKey proofKey;
    private final PublicSiteChanges publicSite;

    TenantAwareTransactionManager(DataSource dataSource, TenantProofKey proofKey, PublicSiteChanges publicSite) {
        super(dataSource);
        this.proofKey = proofKey;
        this.publicSite = publicSite;
    }

    /**
     * A write committed here may have changed what the council's public site shows: this replica drops what it holds
     * of it at once, before the caller hears of the commit (the others hear PostgreSQL's notification, ADR 0021).
     */
    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        if (!status.isReadOnly()) {
            if (TenantContext.isPlatformScope()) {
                publicSite.changedAll();
            } else {
                TenantContext.current().ifPresent(publicSite::changed);
            }
        }
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        String tenant = TenantContext.tenantSetting();
        String platform = TenantContext.platformSetting();
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('councilflow.tenant', ?, true), "
                + "set_config('councilflow.platform', ?, true), set_config('councilflow.proof', ?, true)")) {
            statement.setString(1, tenant);
            statement.setString(2, platform);
            statement.setString(3, proofKey.proof(tenant, platform));
            statement.execute();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TransactionConfiguration {

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource, TenantProofKey tenantProofKey,
                PublicSiteChanges publicSiteChanges) {
            return new TenantAwareTransactionManager(dataSource, tenantProofKey, publicSiteChanges);
        }

        /**
         * After Flyway (the key table must exist), through the owner role that Flyway uses; with no separate owner
         * configured, Flyway and the key use the pool's role, and {@link TenantProofKey} refuses or warns.
         */
        @Bean(destroyMethod = "close")
        @DependsOnDatabaseInitialization
        TenantProofKey tenantProofKey(DataSource dataSource, DataSourceProperties dataSourceProperties,
                FlywayProperties flywayProperties, TenancyProperties tenancy) {
            String url = flywayProperties.getUrl() != null ? flywayProperties.getUrl() : dataSourceProperties.determineUrl();
            String user = flywayProperties.getUser() != null ? flywayProperties.getUser() : dataSourceProperties.determineUsername();
            String password = flywayProperties.getUser() != null ? flywayProperties.getPassword()
                    : dataSourceProperties.determinePassword();
            return TenantProofKey.register(new TenantProofKey.OwnerDatabase(url, user, password), dataSource,
                    tenancy.allowSharedDatabaseRole());
        }
    }
}
