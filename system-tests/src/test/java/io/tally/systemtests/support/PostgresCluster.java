package io.tally.systemtests.support;

import io.tally.testsupport.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster made for one system, with Debian's postgresql-common tools ({@code pg_createcluster},
 * {@code pg_ctlcluster}, {@code pg_dropcluster}; run as root): on a port of its own, trust authentication on the
 * loopback interface, data under /tmp, so that a test may restart it or stop it at once without touching the
 * machine's own cluster. Dropped, data and all, when the system closes.
 */
public final class PostgresCluster {

    private final String version;
    private final String name;
    private final int port;

    private PostgresCluster(String version, String name, int port) {
        this.version = version;
        this.name = name;
        this.port = port;
    }

    /** Whether this machine can make one: Debian's tools are there and this is root. */
    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/pg_createcluster")) && installedVersion() != null
                && "root".equals(System.getProperty("user.name"));
    }

    static PostgresCluster create(String name) {
        if (!available()) {
            throw new IllegalStateException("A PostgreSQL cluster of the system's own needs Debian's "
                    + "postgresql-common (pg_createcluster) and root");
        }
        PostgresCluster cluster = new PostgresCluster(installedVersion(), name, TallySystem.freePort());
        cluster.run("pg_createcluster", cluster.version, name, "-p", String.valueOf(cluster.port),
                "-d", "/tmp/" + name + "-pgdata", "-o", "max_connections=200", "--start",
                "--", "--auth=trust", "--encoding=UTF8");
        return cluster;
    }

    public PostgresServer server() {
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    /** A clean restart (fast shutdown: sessions ended, in-flight transactions rolled back, then started again). */
    public void restart() {
        run("pg_ctlcluster", version, name, "restart", "-m", "fast");
    }

    /** An immediate stop, as a crash of the server: no checkpoint, recovery from the WAL at the next start. */
    public void stopImmediately() {
        run("pg_ctlcluster", version, name, "stop", "-m", "immediate");
    }

    public void start() {
        run("pg_ctlcluster", version, name, "start");
    }

    void drop() {
        run("pg_dropcluster", "--stop", version, name);
    }

    private static String installedVersion() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(path -> path.getFileName().toString()).filter(each -> each.matches("[0-9]+"))
                    .max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))).orElse(null);
        } catch (IOException none) {
            return null;
        }
    }

    private void run(String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", line), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
