package io.tally.systemtests.support;

import org.apache.kafka.common.Uuid;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft broker in a process of its own, run from the Kafka jars on the tests' classpath, with its log
 * directory kept across restarts: it can be stopped cleanly, killed, and started again on the same port with the
 * records it had.
 */
public final class BrokerProcess implements Broker {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final Path directory;
    private final int port;
    private final File log;
    private Process process;

    private BrokerProcess(Path directory, int port) {
        this.directory = directory;
        this.port = port;
        this.log = directory.resolve("broker.log").toFile();
    }

    /** Formats a new broker's storage under {@code directory}, starts it and waits until it takes connections. */
    static BrokerProcess start(Path directory) {
        int port = TallySystem.freePort();
        int controller = TallySystem.freePort();
        BrokerProcess broker = new BrokerProcess(directory, port);
        try {
            Files.createDirectories(directory);
            Files.writeString(broker.properties(), String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "controller.listener.names=CONTROLLER",
                    "controller.quorum.bootstrap.servers=127.0.0.1:" + controller,
                    "log.dirs=" + directory.resolve("data"),
                    "auto.create.topics.enable=false",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the broker's directory " + directory, e);
        }
        broker.run(List.of("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", broker.properties().toString(), "--standalone"));
        broker.start();
        return broker;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker on its storage and waits until it takes connections. */
    public synchronized void start() {
        process = launch(List.of("kafka.Kafka", properties().toString()));
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!listening()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The broker exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The broker did not listen within " + READY_WITHIN + "; see " + log);
            }
            Console.pause(100);
        }
    }

    /** A clean stop (SIGTERM), waited for: the broker closes its logs and hands over nothing, being alone. */
    public synchronized void stop() {
        end(false);
    }

    /** SIGKILL, as a crash. */
    public synchronized void kill() {
        end(true);
    }

    @Override
    public void close() {
        stop();
    }

    private void end(boolean forcibly) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private Path properties() {
        return directory.resolve("server.properties");
    }

    private void run(List<String> mainAndArguments) {
        Process tool = launch(mainAndArguments);
        try {
            if (!tool.waitFor(2, TimeUnit.MINUTES) || tool.exitValue() != 0) {
                throw new IllegalStateException(mainAndArguments.get(0) + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process launch(List<String> mainAndArguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // The tests' classpath holds Logback and slf4j-simple: the broker logs through the simple one.
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + mainAndArguments.get(0), e);
        }
    }
}
