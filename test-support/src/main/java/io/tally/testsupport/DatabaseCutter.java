package io.tally.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between a service and PostgreSQL that breaks a connection at a chosen moment of a chosen transaction,
 * as a network failure or a server crash would: the service under test connects through it (its JDBC URL from
 * {@link #jdbcUrl(String)}), and a test arms it for the next transaction whose statements contain a given text (an
 * insert into the event store, say). With {@link Cut#AFTER_COMMIT} it lets that transaction's COMMIT reach the
 * server and drops the connection before the server's answer gets back: the change is committed, and the service
 * cannot know it. With {@link Cut#BEFORE_COMMIT} it drops the connection instead of passing the COMMIT on: the
 * server rolls the transaction back. Either way the service sees its connection break mid-transaction.
 * <p>
 * It reads the text of the PostgreSQL protocol's messages as they pass, so the driver must send each statement's
 * text every time: the JDBC URL it gives sets {@code prepareThreshold=0} (no server-side prepared statements).
 */
public final class DatabaseCutter implements AutoCloseable {

    /** Where in the armed transaction the connection breaks. */
    public enum Cut {
        /** The COMMIT reaches the server; its answer never comes back. */
        AFTER_COMMIT,
        /** The COMMIT never reaches the server. */
        BEFORE_COMMIT
    }

    private record Trigger(String marker, Cut cut) {
    }

    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "database-cutter");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Trigger> armed = new AtomicReference<>();
    private volatile int cuts;
    private volatile boolean severed;
    private String database;

    private DatabaseCutter(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    /** A proxy in front of the server of this JDBC URL ({@code jdbc:postgresql://host:port/database...}). */
    public static DatabaseCutter inFrontOf(String jdbcUrl) throws IOException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new DatabaseCutter(new InetSocketAddress(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort()));
    }

    /**
     * A proxy in front of the test class's database ({@link PostgresDatabaseExtension} names it in the system property
     * {@code spring.datasource.url}), for a {@code @DynamicPropertySource} to route the service through.
     */
    public static DatabaseCutter inFrontOfTheTestDatabase() {
        String direct = System.getProperty("spring.datasource.url");
        try {
            DatabaseCutter cutter = inFrontOf(direct);
            cutter.database = direct.substring(direct.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
            return cutter;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test class's database through the proxy. */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    /** The JDBC URL of this database through the proxy. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + "/" + database + "?prepareThreshold=0";
    }

    /**
     * Breaks the next transaction whose statements contain {@code marker} (compared without regard to case), once,
     * at {@code cut}.
     */
    public void arm(String marker, Cut cut) {
        armed.set(new Trigger(marker.toLowerCase(Locale.ROOT), cut));
    }

    /** How many connections it broke so far. */
    public int cuts() {
        return cuts;
    }

    /**
     * Breaks every connection and refuses new ones until {@link #heal()}: to the database, the service behind it is
     * gone, as a crashed instance is (whatever it held, a claim or a lock, stays until it times out).
     */
    public void sever() {
        severed = true;
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Lets connections through again. */
    public void heal() {
        severed = false;
    }


    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (severed) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                Connection connection = new Connection(client, server);
                threads.submit(connection::clientToServer);
                threads.submit(connection::serverToClient);
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    throw new IllegalStateException("the database cutter stopped accepting", e);
                }
            }
        }
    }

    /** One client connection and its own connection to the server. */
    private final class Connection {

        private final Socket client;
        private final Socket server;
        /** This connection's transaction is the armed one. */
        private volatile Trigger chosen;
        /** Its COMMIT went through: the next answer from the server is dropped with the connection. */
        private volatile boolean dropTheAnswer;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void clientToServer() {
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    String text = new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                    Trigger trigger = armed.get();
                    if (chosen == null && trigger != null && text.toLowerCase(Locale.ROOT).contains(trigger.marker())
                            && armed.compareAndSet(trigger, null)) {
                        chosen = trigger;
                    }
                    if (chosen != null && contains(buffer, read, COMMIT)) {
                        if (chosen.cut() == Cut.BEFORE_COMMIT) {
                            cut();
                            return;
                        }
                        dropTheAnswer = true;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // the other side or a cut closed it
            } finally {
                close();
            }
        }

        void serverToClient() {
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    if (dropTheAnswer) {
                        cut();
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // the other side or a cut closed it
            } finally {
                close();
            }
        }

        private void cut() {
            cuts++;
            close();
        }

        private void close() {
            for (Socket socket : new Socket[] {client, server}) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                open.remove(socket);
            }
        }
    }

    private static boolean contains(byte[] buffer, int length, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (buffer[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        threads.shutdownNow();
    }
}
