package io.tally.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The whole system on one machine without Docker: checks PostgreSQL and creates the databases,
 * starts a Kafka broker and every built service as processes of their own, waits until they are
 * healthy, with --demo makes demo data through the gateway, and stops them all when it is stopped.
 * Started by local-stack/run from the repository root.
 */
public final class LocalStack {

    static final int FAILED = 1;
    static final int STARTUP_PROBLEM = 2;
    static final int USAGE_ERROR = 64;

    private final LaunchOptions options;
    private final Path repositoryRoot;
    private final Map<String, String> environment;
    private final String classpath;
    private final Console console;
    private final Supervisor supervisor;
    private final BindAddress bindAddress;
    private final CredentialsFile credentials;
    private final String version = projectVersion();
    private final RunningInstances instances = new RunningInstances();

    LocalStack(LaunchOptions options, Path repositoryRoot, Map<String, String> environment, String classpath,
               Console console, Supervisor supervisor) {
        this.options = options;
        this.repositoryRoot = repositoryRoot;
        this.environment = environment;
        this.classpath = classpath;
        this.console = console;
        this.supervisor = supervisor;
        this.bindAddress = BindAddress.fromEnvironment(environment);
        this.credentials = CredentialsFile.under(repositoryRoot);
    }

    public static void main(String[] arguments) {
        Map<String, String> environment = System.getenv();
        Console console = Console.forTerminal(environment);
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(USAGE_ERROR);
            return;
        }
        Supervisor supervisor = new Supervisor(console);
        supervisor.stopEverythingOnExit();
        LocalStack stack = new LocalStack(options, Path.of("").toAbsolutePath(), environment,
                System.getProperty("java.class.path"), console, supervisor);
        int status = FAILED;
        try {
            status = stack.run();
        } catch (RuntimeException | Error unexpected) {
            unexpected.printStackTrace();
        }
        supervisor.exit(status);
    }

    /** Runs until a part of the stack fails, answering the exit status; Ctrl-C ends it through the supervisor. */
    int run() {
        PostgresServer postgres = new PostgresServer(PostgresSettings.fromEnvironment(environment));
        LaunchPlan plan = LaunchPlan.of(Services.PLANNED, repositoryRoot, version);
        Optional<StartupProblem> problem = bindAddress.problem()
                .or(postgres::unreachable)
                .or(() -> PortAvailability.firstTaken(portClaims(plan)));
        if (problem.isPresent()) {
            console.problem(problem.get());
            return STARTUP_PROBLEM;
        }
        try {
            startEverything(postgres, plan);
        } catch (LaunchFailure failure) {
            report(failure);
            return FAILED;
        }
        while (true) {
            for (ChildProcess stopped : instances.newlyStopped(supervisor.awaitFirstExit())) {
                if (!instances.othersServe(stopped)) {
                    report(new LaunchFailure(stopped.name() + " stopped on its own with status " + stopped.exitValue(),
                            stopped.recentLines()));
                    return FAILED;
                }
                if (!supervisor.isStopping()) {
                    console.trouble(stopped.name() + " stopped on its own with status " + stopped.exitValue()
                            + "; the other instances of its service go on, and the gateway sends them its requests.",
                            stopped.recentLines());
                }
            }
        }
    }

    static String projectVersion() {
        Properties properties = new Properties();
        try (InputStream resource = LocalStack.class.getResourceAsStream("local-stack.properties")) {
            if (resource == null) {
                throw new IllegalStateException("local-stack.properties is missing from the launcher's classpath");
            }
            properties.load(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("project.version");
    }

    private void startEverything(PostgresServer postgres, LaunchPlan plan) {
        List<String> created = postgres.prepareDatabases(Services.databases(), options.fresh());
        console.say("PostgreSQL at " + postgres.settings().address() + ": databases " + String.join(", ", Services.databases())
                + (created.isEmpty() ? " present" : " ready, created " + String.join(", ", created)));

        URI jwksUrl;
        Optional<DevTokens> tokens;
        Optional<ProviderLogin> providerLogin = Optional.empty();
        if (plan.includes(Services.AUTH)) {
            jwksUrl = JwksServer.uri(options.ports().of(Services.AUTH));
            tokens = Optional.empty();
            providerLogin = Optional.of(ProviderLogin.resolve(environment, repositoryRoot));
        } else {
            DevTokenIssuer issuer = DevTokenIssuer.withNewKey();
            jwksUrl = serveJwks(issuer);
            Instant now = Instant.now();
            tokens = Optional.of(new DevTokens(issuer.platformAdminToken(now), issuer.providerToken(now)));
            console.say("auth-service is not built: this launcher issues development tokens, keys at " + jwksUrl);
        }
        // At once, so that even a start that fails later leaves nothing of an earlier run contradicting this one.
        boolean authDatabaseKept = Services.AUTH.database().filter(created::contains).isEmpty();
        credentials.start(providerLogin.map(ProviderLogin::credentials).or(() -> tokens.map(DevTokens::credentials))
                .orElseThrow(), authDatabaseKept);
        if (!bindAddress.isLoopback()) {
            console.say("every service listens on " + bindAddress.address() + " (" + BindAddress.VARIABLE
                    + "), not only on the loopback interface");
        }

        new KafkaBroker(BrokerConfiguration.under(repositoryRoot, options.ports()), classpath, repositoryRoot,
                supervisor, console).start(options.fresh());

        plan.skipMessages().forEach(console::say);
        Map<String, String> authEnvironment = providerLogin.map(ProviderLogin::environment).orElse(Map.of());
        Function<Service, Map<String, String>> extraEnvironment = service -> service.equals(Services.AUTH)
                ? authEnvironment : ServiceEnvironment.tokenIssuer(service, tokens.isPresent());
        // The gateway starts once the services behind it are healthy: when it is ready, every route
        // answers, and on a machine with few cores the services start sooner without a fourth JVM
        // starting beside them. A service that fails to start stops the launch before the gateway.
        // With --instances, each further instance of the services starts once the ones before it are healthy: the
        // first auth-service alone creates the provider, and two cores start three JVMs at a time, not more.
        List<Service> backends = plan.built().stream().filter(service -> !service.equals(Services.GATEWAY)).toList();
        for (int index = 0; index < options.instances(); index++) {
            startAndAwaitHealthy(backends, index, postgres.settings(), jwksUrl, extraEnvironment);
        }
        if (plan.includes(Services.GATEWAY)) {
            startAndAwaitHealthy(List.of(Services.GATEWAY), 0, postgres.settings(), jwksUrl, extraEnvironment);
        }

        console.box("Tally is running", Summary.lines(plan, options.ports(), options.instances(), postgres.settings(),
                jwksUrl, tokens, providerLogin));
        if (options.demo()) {
            seedDemo(plan, providerLogin);
        }
    }

    /** Instance {@code index} of each of the services, then the wait until all of them are healthy. */
    private void startAndAwaitHealthy(List<Service> services, int index, PostgresSettings postgres, URI jwksUrl,
                                      Function<Service, Map<String, String>> extraEnvironment) {
        Map<Service, ChildProcess> started = new LinkedHashMap<>();
        for (Service service : services) {
            console.say("starting " + instanceName(service, index) + " on port " + options.ports().of(service, index)
                    + ", management port " + options.ports().managementOf(service, index) + "…");
            started.put(service, supervisor.startService(processSpec(service, index, postgres, jwksUrl,
                    extraEnvironment.apply(service))));
        }
        started.forEach((service, process) -> {
            if (!service.equals(Services.GATEWAY)) {
                instances.add(service, process);
            }
        });
        HealthProbe health = new HealthProbe();
        started.forEach((service, process) -> {
            Duration took = health.awaitHealthy(process, HealthProbe.endpoint(service, index, options.ports()));
            console.say(String.format("%s healthy after %.1f s", instanceName(service, index),
                    took.toMillis() / 1000.0));
        });
    }

    /** The first instance is the service's module; the second customer-service is customer-service-2. */
    static String instanceName(Service service, int index) {
        return index == 0 ? service.module() : service.module() + "-" + (index + 1);
    }

    /** A demo that fails is reported; the stack it runs on goes on. */
    private void seedDemo(LaunchPlan plan, Optional<ProviderLogin> providerLogin) {
        if (!plan.includes(Services.GATEWAY) || providerLogin.isEmpty()) {
            console.trouble("No demo data: --demo needs api-gateway and auth-service, and they are not both built.",
                    List.of());
            return;
        }
        int port = options.ports().of(Services.GATEWAY);
        Demo demo = new Demo(new GatewayClient(URI.create("http://" + Ports.LOOPBACK + ":" + port),
                Demo.LEDGER_CATCH_UP), console);
        try {
            Demo.Seeded seeded = demo.seed(providerLogin.get());
            credentials.write(seeded.credentials());
            console.box("Demo data", Demo.lines(seeded, Summary.address(Services.GATEWAY, options.ports())));
        } catch (GatewayClient.StepFailed failure) {
            if (!supervisor.isStopping()) {
                List<String> details = new ArrayList<>();
                Demo.hint(failure).ifPresent(details::add);
                details.add("The stack goes on running.");
                console.trouble("The demo stopped: " + failure.getMessage(), details);
            }
        } catch (RuntimeException unexpected) {
            if (!supervisor.isStopping()) {
                console.trouble("The demo stopped on an unexpected error; the stack goes on running.", List.of());
                unexpected.printStackTrace();
            }
        }
    }

    /** The server lives as long as the launcher's JVM, which the supervisor ends. */
    private URI serveJwks(DevTokenIssuer issuer) {
        try {
            return JwksServer.start(options.ports().devJwks(), issuer.publicJwks()).uri();
        } catch (IOException e) {
            throw new LaunchFailure("Cannot serve the development JWKS on port " + options.ports().devJwks() + ": " + e.getMessage());
        }
    }

    private ProcessSpec processSpec(Service service, int index, PostgresSettings postgres, URI jwksUrl,
                                    Map<String, String> extraEnvironment) {
        Map<String, String> serviceEnvironment = new LinkedHashMap<>(ServiceEnvironment.of(service, index,
                options.instances(), options.ports(), postgres, jwksUrl, bindAddress));
        serviceEnvironment.putAll(JvmSettings.of(repositoryRoot, service));
        serviceEnvironment.putAll(extraEnvironment);
        return new ProcessSpec(instanceName(service, index), index == 0 ? service.label() : service.label() + (index + 1),
                service.colour(),
                List.of(ProcessSpec.javaExecutable(), "-jar", service.jar(repositoryRoot, version).toString()),
                serviceEnvironment, repositoryRoot);
    }

    private List<PortAvailability.Claim> portClaims(LaunchPlan plan) {
        Ports ports = options.ports();
        List<PortAvailability.Claim> claims = new ArrayList<>();
        claims.add(new PortAvailability.Claim("Kafka", ports.kafka()));
        claims.add(new PortAvailability.Claim("Kafka controller", ports.kafkaController()));
        if (!plan.includes(Services.AUTH)) {
            claims.add(new PortAvailability.Claim("development JWKS", ports.devJwks()));
        }
        plan.built().forEach(service -> {
            int instances = service.equals(Services.GATEWAY) ? 1 : options.instances();
            for (int index = 0; index < instances; index++) {
                String name = instanceName(service, index);
                claims.add(new PortAvailability.Claim(name, ports.of(service, index)));
                claims.add(new PortAvailability.Claim(name + " management", ports.managementOf(service, index)));
            }
        });
        return claims;
    }

    private void report(LaunchFailure failure) {
        if (!supervisor.isStopping()) {
            console.failure(failure);
        }
    }
}
