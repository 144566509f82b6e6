package io.tally.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.tally.kubernetes.Reachability.Pod;
import io.tally.tokens.TrustedAddresses;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/kubernetes rendered as {@code kubectl kustomize} renders it, base and each overlay, every object read
 * strictly ({@link Manifests}), then held to what Tally needs of its deployment: probes on the actuator, bounded
 * memory as deploy/jvm says, no secret in the manifests, a Service, budget and autoscaler per Deployment where the
 * overlay asks for them, and network policies that let only the gateway reach the services.
 */
class KustomizationsTest {

    private static final List<String> SERVICES = List.of("customer-service", "credit-ledger-service", "auth-service");
    private static final List<String> ALL = List.of("api-gateway", "customer-service", "credit-ledger-service",
            "auth-service");
    private static final Map<String, Integer> API_PORT = Map.of("api-gateway", 8080, "customer-service", 8081,
            "credit-ledger-service", 8082, "auth-service", 8083);
    private static final String NAMESPACE = "tally";
    private static final Map<String, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();

    private static List<HasMetadata> rendered(String kustomization) {
        var kubectl = Manifests.kubectl();
        Assumptions.assumeTrue(kubectl.isPresent(), "kubectl is not on the PATH: nothing renders the kustomizations");
        return RENDERED.computeIfAbsent(kustomization, k -> {
            try {
                return Manifests.read(Manifests.render(kubectl.get(), Manifests.kustomization(k)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static <T extends HasMetadata> List<T> all(String kustomization, Class<T> kind) {
        return rendered(kustomization).stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static Deployment deployment(String kustomization, String name) {
        return all(kustomization, Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no Deployment " + name + " in " + kustomization));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void rendersADeploymentAndAServiceForEachProcessAndNoSecret(String kustomization) {
        assertThat(all(kustomization, Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(all(kustomization, Secret.class)).as("Secrets are the operator's, never committed").isEmpty();
        for (String name : ALL) {
            Deployment deployment = deployment(kustomization, name);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(Reachability.selects(deployment.getSpec().getSelector(), podLabels)).isTrue();
            Service service = all(kustomization, Service.class).stream()
                    .filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow();
            assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
            List<String> containerPorts = container(deployment).getPorts().stream().map(ContainerPort::getName).toList();
            assertThat(service.getSpec().getPorts()).allSatisfy(port ->
                    assertThat(containerPorts).contains(port.getTargetPort().getStrVal()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void everyProcessIsProbedOnItsActuatorAndRunsUnprivileged(String kustomization) {
        for (String name : ALL) {
            Deployment deployment = deployment(kustomization, name);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = container(deployment);
            assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
            assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getImage()).as(name + "'s image").startsWith("tally/" + name + ":");
        }
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    /** The JVM's bounds are those of deploy/jvm/&lt;process&gt;.env, which the local stack and compose read. */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void memoryIsBoundedAsDeployJvmSaysAndWithinTheContainersLimit(String kustomization) throws IOException {
        for (String name : ALL) {
            Container container = container(deployment(kustomization, name));
            Properties jvm = new Properties();
            try (var reader = Files.newBufferedReader(Manifests.repositoryRoot().resolve("deploy/jvm/" + name + ".env"),
                    StandardCharsets.UTF_8)) {
                jvm.load(reader);
            }
            Map<String, String> env = new HashMap<>();
            container.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
            assertThat(env).as(name).containsEntry("JDK_JAVA_OPTIONS", jvm.getProperty("JDK_JAVA_OPTIONS"))
                    .containsEntry("MALLOC_ARENA_MAX", jvm.getProperty("MALLOC_ARENA_MAX"));
            Quantity limit = container.getResources().getLimits().get("memory");
            Quantity request = container.getResources().getRequests().get("memory");
            assertThat(limit).as(name + "'s memory limit").isNotNull();
            assertThat(request.getNumericalAmount()).isEqualByComparingTo(limit.getNumericalAmount());
            assertThat(container.getResources().getRequests()).containsKey("cpu");
            long bounded = mebibytes(jvm.getProperty("JDK_JAVA_OPTIONS"));
            assertThat(limit.getNumericalAmount().longValue() / (1024 * 1024)).as(name + ": the limit (MiB) above "
                    + "heap, metaspace, code cache and direct memory (" + bounded + " MiB)").isGreaterThan(bounded);
        }
    }

    /** The sum of -Xmx, -XX:MaxMetaspaceSize, -XX:ReservedCodeCacheSize and -XX:MaxDirectMemorySize, in MiB. */
    private static long mebibytes(String options) {
        long sum = 0;
        for (String option : options.split(" ")) {
            for (String bound : List.of("-Xmx", "-XX:MaxMetaspaceSize=", "-XX:ReservedCodeCacheSize=",
                    "-XX:MaxDirectMemorySize=")) {
                if (option.startsWith(bound) && option.endsWith("m")) {
                    sum += Long.parseLong(option.substring(bound.length(), option.length() - 1));
                }
            }
        }
        return sum;
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void passwordsComeFromSecretsOnly(String kustomization) {
        for (String name : ALL) {
            for (EnvVar env : container(deployment(kustomization, name)).getEnv()) {
                if (env.getName().contains("PASSWORD") || env.getName().equals("TALLY_DB_USER")) {
                    assertThat(env.getValue()).as(name + "'s " + env.getName()).isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).startsWith("tally-");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void severalPodsOfEachWithABudgetAndAnAutoscaler(String kustomization) {
        for (String name : ALL) {
            assertThat(deployment(kustomization, name).getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
            Map<String, String> podLabels = deployment(kustomization, name).getSpec().getTemplate().getMetadata()
                    .getLabels();
            assertThat(all(kustomization, PodDisruptionBudget.class)).filteredOn(pdb ->
                    Reachability.selects(pdb.getSpec().getSelector(), podLabels)).singleElement().satisfies(pdb ->
                    assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1));
            assertThat(all(kustomization, HorizontalPodAutoscaler.class)).filteredOn(hpa ->
                    hpa.getSpec().getScaleTargetRef().getName().equals(name)).singleElement().satisfies(hpa -> {
                        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
                        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
                        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local"})
    void aSingleNodeClusterHasOnePodOfEachAndNothingThatBlocksADrain(String kustomization) {
        assertThat(all(kustomization, Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isOne());
        assertThat(all(kustomization, PodDisruptionBudget.class)).isEmpty();
        assertThat(all(kustomization, HorizontalPodAutoscaler.class)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void onlyTheGatewayReachesTheServices(String kustomization) {
        Reachability network = new Reachability(NAMESPACE, all(kustomization, NetworkPolicy.class));
        Pod gateway = pod(kustomization, "api-gateway");
        Pod ingressController = Pod.named("ingress-nginx", "ingress-nginx");
        Pod stranger = Pod.named("elsewhere", "anything");
        Pod prometheus = Pod.named("monitoring", "prometheus");
        int kafka = 9092;

        assertThat(network.allows(ingressController, gateway, 8080)).isTrue();
        assertThat(network.allows(stranger, gateway, 8080)).isEqualTo(!kustomization.equals("overlays/production"));
        assertThat(network.allows(stranger, gateway, 9080)).isFalse();
        assertThat(network.allows(prometheus, gateway, 9080)).isTrue();
        assertThat(network.allows(gateway, Pod.named("kafka", "broker"), kafka)).isTrue();
        assertThat(network.allows(gateway, Pod.named("tally-db", "postgres"), 5432)).isFalse();
        boolean production = kustomization.equals("overlays/production");
        assertThat(network.allows(gateway, Pod.named("redis", "redis"), 6379)).as("the shared rate limits")
                .isEqualTo(production);
        for (String name : SERVICES) {
            Pod service = pod(kustomization, name);
            int api = API_PORT.get(name);
            int management = api + 1000;
            assertThat(network.allows(gateway, service, api)).as("gateway → " + name).isTrue();
            assertThat(network.allows(gateway, service, management)).as("gateway → " + name + "'s documents").isTrue();
            assertThat(network.allows(prometheus, service, management)).isTrue();
            assertThat(network.allows(prometheus, service, api)).isFalse();
            assertThat(network.allows(stranger, service, api)).as("outside → " + name).isFalse();
            assertThat(network.allows(ingressController, service, api)).isFalse();
            assertThat(network.allows(service, Pod.named("tally-db", "postgres"), 5432)).isTrue();
            assertThat(network.allows(service, Pod.named("kafka", "broker"), kafka)).isTrue();
            assertThat(network.allows(service, Pod.named("elsewhere", "anything"), 443)).isFalse();
            assertThat(network.allows(service, Pod.named("redis", "redis"), 6379)).isFalse();
            for (String other : SERVICES) {
                if (other.equals(name)) {
                    continue;
                }
                boolean signingKeys = other.equals("auth-service");
                assertThat(network.allows(service, pod(kustomization, other), API_PORT.get(other)))
                        .as(name + " → " + other).isEqualTo(signingKeys);
                assertThat(network.allows(service, pod(kustomization, other), API_PORT.get(other) + 1000))
                        .as(name + " → " + other + "'s management port").isFalse();
            }
        }
    }

    /** What the services are given to read: the mail server they may reach, proxy ranges they can parse. */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void theSettingsAgreeWithThePoliciesAndTheServicesRules(String kustomization) {
        Map<String, String> settings = all(kustomization, ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().equals("tally-settings")).findFirst().orElseThrow()
                .getData();
        Reachability network = new Reachability(NAMESPACE, all(kustomization, NetworkPolicy.class));
        int smtp = Integer.parseInt(settings.get("TALLY_SMTP_PORT"));
        assertThat(network.allows(pod(kustomization, "customer-service"), Pod.named("mail", "smtp"), smtp)).isTrue();
        assertThat(network.allows(pod(kustomization, "credit-ledger-service"), Pod.named("mail", "smtp"), smtp))
                .isFalse();
        assertThat(TrustedAddresses.parse(settings.get("TALLY_TRUSTED_PROXIES")).isEmpty()).isFalse();
        TrustedAddresses.parse(settings.getOrDefault("TALLY_GATEWAY_TRUSTED_PROXIES", ""));
        assertThat(settings.get("TALLY_KAFKA_BOOTSTRAP_SERVERS")).endsWith(":9092");
        assertThat(settings.containsKey("TALLY_RATE_LIMIT_REDIS_URL"))
                .as("several gateways share their limits in Redis").isEqualTo(kustomization.equals("overlays/production"));
        for (String name : ALL) {
            assertThat(container(deployment(kustomization, name)).getEnvFrom())
                    .anySatisfy(from -> assertThat(from.getConfigMapRef().getName()).isEqualTo("tally-settings"));
        }
    }

    /** A pod of the Deployment, with the labels its template gives it. */
    private static Pod pod(String kustomization, String name) {
        return new Pod(NAMESPACE, deployment(kustomization, name).getSpec().getTemplate().getMetadata().getLabels());
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }
}
