package dev.authschema.jpa.eclipselink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener as EclipseLink loads it from a persistence unit's properties, on a data source (embedded Derby) that
 * can be switched off as a database outage would: a read then tries twice and gives up, where EclipseLink's default
 * would try four times with five-second sleeps in between.
 */
class FailFastOnDatabaseOutageTest {

    @TempDir
    Path root;

    @Test
    void a_read_during_an_outage_is_tried_twice_without_sleeping_then_fails() throws Exception {
        SwitchableDataSource dataSource = new SwitchableDataSource();
        EntityManagerFactory factory = new PersistenceProvider()
                .createContainerEntityManagerFactory(
                        new Unit(dataSource, root.toUri().toURL()),
                        Map.of(
                                "eclipselink.session-event-listener",
                                FailFastOnDatabaseOutage.class.getName(),
                                "eclipselink.logging.level",
                                "OFF"));
        try {
            EntityManager em = factory.createEntityManager();
            assertThat(em.createNativeQuery("VALUES 1").getResultList()).hasSize(1);
            DatabaseLogin login = factory.unwrap(Session.class).getLogin();
            assertThat(login.getQueryRetryAttemptCount()).isEqualTo(1);
            assertThat(login.getDelayBetweenConnectionAttempts()).isZero();

            dataSource.down.set(true);
            int before = dataSource.attempts.get();
            assertThatThrownBy(() -> em.createNativeQuery("VALUES 1").getResultList())
                    .isInstanceOf(PersistenceException.class);
            assertThat(dataSource.attempts.get() - before)
                    .as("connection attempts for one read")
                    .isEqualTo(2);

            dataSource.down.set(false);
            assertThat(em.createNativeQuery("VALUES 1").getResultList())
                    .as("works again once the database is back")
                    .hasSize(1);
            em.close();
        } finally {
            factory.close();
        }
    }

    /** Embedded Derby, or "connection refused" while {@link #down} is set. */
    private static final class SwitchableDataSource implements DataSource {
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicInteger attempts = new AtomicInteger();
        private final EmbeddedDataSource derby = new EmbeddedDataSource();

        SwitchableDataSource() {
            derby.setDatabaseName("memory:failfast");
            derby.setCreateDatabase("create");
        }

        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            if (down.get()) {
                throw new SQLNonTransientConnectionException("Connection refused", "08001");
            }
            return derby.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    /** A persistence unit without entities on the given data source, as a server would describe it. */
    private record Unit(DataSource dataSource, URL root) implements PersistenceUnitInfo {

        @Override
        public String getPersistenceUnitName() {
            return "failfast";
        }

        @Override
        public String getPersistenceProviderClassName() {
            return PersistenceProvider.class.getName();
        }

        @Override
        public PersistenceUnitTransactionType getTransactionType() {
            return PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }

        @Override
        public DataSource getJtaDataSource() {
            return null;
        }

        @Override
        public DataSource getNonJtaDataSource() {
            return dataSource;
        }

        @Override
        public List<String> getMappingFileNames() {
            return List.of();
        }

        @Override
        public List<URL> getJarFileUrls() {
            return List.of();
        }

        @Override
        public URL getPersistenceUnitRootUrl() {
            return root;
        }

        @Override
        public List<String> getManagedClassNames() {
            return List.of();
        }

        @Override
        public boolean excludeUnlistedClasses() {
            return true;
        }

        @Override
        public SharedCacheMode getSharedCacheMode() {
            return SharedCacheMode.NONE;
        }

        @Override
        public ValidationMode getValidationMode() {
            return ValidationMode.NONE;
        }

        @Override
        public Properties getProperties() {
            return new Properties();
        }

        @Override
        public String getPersistenceXMLSchemaVersion() {
            return "3.0";
        }

        @Override
        public ClassLoader getClassLoader() {
            return FailFastOnDatabaseOutageTest.class.getClassLoader();
        }

        @Override
        public void addTransformer(ClassTransformer transformer) {}

        @Override
        public ClassLoader getNewTempClassLoader() {
            return getClassLoader();
        }
    }
}
