package org.councilflow.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Hands the {@link TenantContext} to PostgreSQL at the start of every transaction, as transaction-local settings
 * that the row-level security policies read. A transaction begun outside any tenant sees no tenant-owned row.
 */
class TenantAwareTransactionManager extends JdbcTransactionManager {

    TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('councilflow.tenant', ?, true), set_config('councilflow.platform', ?, true)")) {
            statement.setString(1, TenantContext.tenantSetting());
            statement.setString(2, TenantContext.platformSetting());
            statement.execute();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TransactionConfiguration {

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new TenantAwareTransactionManager(dataSource);
        }
    }
}
