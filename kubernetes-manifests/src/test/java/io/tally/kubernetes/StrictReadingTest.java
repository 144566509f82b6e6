package io.tally.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict reading itself: what it must refuse, so that a manifest with such a slip cannot pass. */
class StrictReadingTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: example
            spec:
              %s: 2
              selector:
                matchLabels:
                  app: example
              template:
                metadata:
                  labels:
                    app: example
                spec:
                  containers:
                    - name: example
                      image: example:1
                      %s:
                        - containerPort: 8080
            """;

    @Test
    void readsAWellFormedObjectAsItsKind() throws Exception {
        List<HasMetadata> objects = Manifests.read(DEPLOYMENT.formatted("replicas", "ports") + "---\n");

        assertThat(objects).singleElement().isInstanceOfSatisfying(Deployment.class, deployment -> {
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts()).hasSize(1);
        });
    }

    @Test
    void refusesAMisspeltFieldNamingItsPath() {
        assertThatThrownBy(() -> Manifests.read(DEPLOYMENT.formatted("replica", "ports")))
                .hasMessageContaining("Deployment example")
                .hasMessageContaining(".spec.replica");
    }

    @Test
    void refusesAMisspeltFieldDeepInside() {
        assertThatThrownBy(() -> Manifests.read(DEPLOYMENT.formatted("replicas", "port")))
                .hasMessageContaining(".spec.template.spec.containers[0].port");
    }

    @Test
    void refusesAFieldOfTheWrongType() {
        assertThatThrownBy(() -> Manifests.read(DEPLOYMENT.formatted("replicas", "ports")
                .replace("replicas: 2", "replicas: two")))
                .hasMessageContaining("Deployment example");
    }

    @Test
    void refusesAKindTheModelDoesNotKnow() {
        assertThatThrownBy(() -> Manifests.read(DEPLOYMENT.formatted("replicas", "ports")
                .replace("kind: Deployment", "kind: Deploymnet")))
                .hasMessageContaining("Deploymnet");
    }
}
