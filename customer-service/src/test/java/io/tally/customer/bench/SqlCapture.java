package io.tally.customer.bench;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records the read-model queries the application itself prepares while one request runs, with
 * the parameters it binds, so that the query plans printed afterwards are those of the very SQL
 * the service sends. Outside a recording the connections pass every call straight through and
 * the statements are not wrapped at all.
 */
final class SqlCapture implements BeanPostProcessor {

    /** One statement as the application prepared it, with its parameter setters in index order. */
    record Statement(String sql, List<Binding> bindings) {
    }

    /** A parameter setter call ({@code setString(2, "gold")}), replayable on another statement. */
    record Binding(Method setter, Object[] arguments) {

        Object value() {
            return arguments[1];
        }

        void applyTo(PreparedStatement statement) throws SQLException {
            try {
                setter.invoke(statement, arguments);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static volatile boolean recording;
    private static final List<Statement> RECORDED = new ArrayList<>();

    /** Starts recording the customer list queries the application prepares from now on. */
    static void start() {
        synchronized (RECORDED) {
            RECORDED.clear();
        }
        recording = true;
    }

    /** Stops recording and returns what was recorded, in the order the application prepared it. */
    static List<Statement> stop() {
        recording = false;
        synchronized (RECORDED) {
            return List.copyOf(RECORDED);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof CapturingDataSource)) {
            return new CapturingDataSource(dataSource);
        }
        return bean;
    }

    private static boolean interesting(String sql) {
        String text = sql.strip().toLowerCase(Locale.ROOT);
        return text.startsWith("select") && (text.contains("from customer_list") || text.contains(
                "from customer_facet_counts"));
    }

    private static final class CapturingDataSource extends DelegatingDataSource {

        CapturingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(obtainTargetDataSource().getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(obtainTargetDataSource().getConnection(username, password));
        }

        private static Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, new ConnectionHandler(connection));
        }
    }

    private record ConnectionHandler(Connection target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = forward(target, method, args);
            if (recording && "prepareStatement".equals(method.getName()) && args != null
                    && args[0] instanceof String sql && interesting(sql)) {
                PreparedStatementHandler handler = new PreparedStatementHandler((PreparedStatement) result, sql);
                return Proxy.newProxyInstance(SqlCapture.class.getClassLoader(),
                        new Class<?>[]{PreparedStatement.class}, handler);
            }
            return result;
        }
    }

    private static final class PreparedStatementHandler implements InvocationHandler {
        private final PreparedStatement target;
        private final String sql;
        private final Map<Integer, Binding> bindings = new TreeMap<>();

        PreparedStatementHandler(PreparedStatement target, String sql) {
            this.target = target;
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                bindings.put(index, new Binding(method, args.clone()));
            } else if (name.startsWith("execute") && recording) {
                synchronized (RECORDED) {
                    RECORDED.add(new Statement(sql, List.copyOf(bindings.values())));
                }
            }
            return forward(target, method, args);
        }
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
