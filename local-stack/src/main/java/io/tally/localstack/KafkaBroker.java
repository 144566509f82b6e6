package io.tally.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** A real Kafka broker in a process of its own, run from the kafka_2.13 jars on the launcher's classpath. */
final class KafkaBroker {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int PROBE_TIMEOUT_MILLIS = 1_000;
    /**
     * A broker of a few topics for one machine: a heap that starts small and stops at 512 MiB, rather than
     * kafka-server-start.sh's 1 GiB or a quarter of the machine, and bounded class metadata.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:MaxMetaspaceSize=128m", "-XX:+UseSerialGC",
            "-Djava.awt.headless=true");

    private final BrokerConfiguration configuration;
    private final String classpath;
    private final Path workingDirectory;
    private final Supervisor supervisor;
    private final Console console;

    KafkaBroker(BrokerConfiguration configuration, String classpath, Path workingDirectory,
                Supervisor supervisor, Console console) {
        this.configuration = configuration;
        this.classpath = classpath;
        this.workingDirectory = workingDirectory;
        this.supervisor = supervisor;
        this.console = console;
    }

    /** Starts the broker, formatting its storage first when it has none, and waits until it serves. */
    void start(boolean fresh) {
        try {
            if (fresh) {
                deleteRecursively(configuration.directory());
            }
            Files.createDirectories(configuration.logDirectory());
            Files.writeString(configuration.propertiesFile(), configuration.propertiesText());
        } catch (IOException e) {
            throw new LaunchFailure("Cannot prepare the Kafka directory " + configuration.directory() + ": " + e.getMessage());
        }
        if (!configuration.isFormatted()) {
            format();
        }
        Instant started = Instant.now();
        console.say("starting Kafka on " + configuration.ports().kafkaBootstrapServers() + "…");
        ChildProcess broker = supervisor.startInfrastructure(new ProcessSpec("Kafka", "kafka", Console.Colour.YELLOW,
                java("kafka.Kafka", configuration.propertiesFile().toString()), Map.of(), workingDirectory));
        awaitReady(broker, started.plus(READY_TIMEOUT));
        console.say(String.format("Kafka ready on %s after %.1f s", configuration.ports().kafkaBootstrapServers(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0));
    }

    /** KRaft storage must carry a cluster id before the first start; --standalone makes this node the quorum. */
    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        console.say("formatting Kafka storage in " + configuration.logDirectory() + " (cluster " + clusterId + ")");
        List<String> command = java("kafka.tools.StorageTool", "format", "--cluster-id", clusterId,
                "--config", configuration.propertiesFile().toString(), "--standalone");
        Path output = configuration.directory().resolve("format.log");
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LaunchFailure("Formatting the Kafka storage took more than " + READY_TIMEOUT.toSeconds() + " s",
                        Files.readAllLines(output));
            }
            if (process.exitValue() != 0) {
                throw new LaunchFailure("Formatting the Kafka storage failed with status " + process.exitValue(),
                        Files.readAllLines(output));
            }
        } catch (IOException e) {
            throw new LaunchFailure("Cannot run Kafka's storage tool: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure("Interrupted while formatting the Kafka storage");
        }
    }

    private List<String> java(String mainClass, String... arguments) {
        return Stream.of(
                        Stream.of(ProcessSpec.javaExecutable()),
                        JVM_OPTIONS.stream(),
                        Stream.of("-cp", classpath, mainClass),
                        Stream.of(arguments))
                .flatMap(part -> part)
                .toList();
    }

    /** Listening is not serving: the broker accepts connections before its metadata is loaded. */
    private void awaitReady(ChildProcess broker, Instant deadline) {
        int port = configuration.ports().kafka();
        while (!accepts(port)) {
            checkProgress(broker, deadline, "accept connections on port " + port);
            pause();
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, configuration.ports().kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MILLIS * 5,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MILLIS * 5))) {
            while (!listsTopics(admin)) {
                checkProgress(broker, deadline, "list its topics");
                pause();
            }
        }
    }

    private static void checkProgress(ChildProcess broker, Instant deadline, String awaited) {
        if (!broker.isAlive()) {
            throw new LaunchFailure("Kafka exited with status " + broker.exitValue() + " before it could " + awaited,
                    broker.recentLines());
        }
        if (Instant.now().isAfter(deadline)) {
            throw new LaunchFailure("Kafka did not " + awaited + " within " + READY_TIMEOUT.toSeconds() + " s",
                    broker.recentLines());
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.LOOPBACK, port), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static boolean listsTopics(Admin admin) {
        try {
            admin.listTopics().names().get(PROBE_TIMEOUT_MILLIS * 5L, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure("Interrupted while waiting for Kafka");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure("Interrupted while waiting for Kafka");
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
