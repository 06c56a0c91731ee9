package dev.authschema.bench.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Takes the PostgreSQL driver's place in {@link DriverManager} and records, in one {@link SqlLog}, every
 * statement any connection it opened executes and every commit or rollback that reaches the server. Code that
 * opens connections by URL (EclipseLink given {@code jakarta.persistence.jdbc.url}, plain JDBC) is counted
 * without being changed. For tests only: it replaces the driver for the whole JVM.
 */
public final class CountingDriver implements Driver {

    private static CountingDriver installed;

    private final Driver target;
    private final SqlLog log = new SqlLog();

    private CountingDriver(Driver target) {
        this.target = target;
    }

    /** Installs the counting driver in front of the PostgreSQL driver (once per JVM) and returns its log. */
    public static synchronized SqlLog installForPostgresql() throws SQLException {
        if (installed == null) {
            Driver postgresql = DriverManager.getDriver("jdbc:postgresql://127.0.0.1:5432/test");
            DriverManager.deregisterDriver(postgresql);
            installed = new CountingDriver(postgresql);
            DriverManager.registerDriver(installed);
        }
        return installed.log;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = target.connect(url, info);
        return connection == null ? null : proxy(Connection.class, new ConnectionHandler(connection, log));
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return target.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return target.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return target.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return target.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return target.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Tracks whether a server transaction is open: the PostgreSQL driver sends {@code BEGIN} together with the
     * first statement after {@code setAutoCommit(false)} (no extra round trip), and sends {@code COMMIT} only when
     * a transaction is open.
     */
    private static final class ConnectionHandler implements InvocationHandler {

        private final Connection target;
        private final SqlLog log;
        private boolean autoCommit = true;
        private boolean transactionOpen;

        ConnectionHandler(Connection target, SqlLog log) {
            this.target = target;
            this.log = log;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "setAutoCommit" -> {
                    boolean on = (Boolean) args[0];
                    if (on && transactionOpen) {
                        ended("COMMIT");
                    }
                    autoCommit = on;
                }
                case "commit" -> ended("COMMIT");
                case "rollback" -> {
                    if (args == null) {
                        ended("ROLLBACK");
                    }
                }
                default -> {
                    // delegated below
                }
            }
            Object result = CountingDriver.invoke(target, method, args);
            String name = method.getName();
            if (result instanceof Statement statement
                    && (name.startsWith("prepare") || name.equals("createStatement"))) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                return statementProxy(statement, sql);
            }
            return result;
        }

        private void ended(String how) {
            if (transactionOpen) {
                log.add(how);
                transactionOpen = false;
            }
        }

        void executed(String sql) {
            log.add(sql);
            if (!autoCommit) {
                transactionOpen = true;
            }
        }

        private Object statementProxy(Statement statement, String preparedSql) {
            Class<?> type = statement instanceof CallableStatement
                    ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().startsWith("execute")) {
                    String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                    executed(method.getName().equals("executeBatch") ? "BATCH " + sql : sql);
                }
                return CountingDriver.invoke(statement, method, args);
            };
            return Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler);
        }
    }
}
