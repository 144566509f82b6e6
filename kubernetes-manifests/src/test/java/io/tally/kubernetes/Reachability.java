package io.tally.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What Kubernetes' network policies of Tally's namespace let through, worked out as a cluster would: a connection
 * into a pod of the namespace needs an ingress rule of a policy selecting that pod (once any selects it), and a
 * connection out of one an egress rule likewise. Enough of the semantics for Tally's own policies: label selectors
 * with matchLabels and the four operators, pod and namespace selectors, ports by number; ip blocks never match a
 * pod.
 */
final class Reachability {

    /** A pod: its namespace (with that namespace's {@code kubernetes.io/metadata.name} label) and its labels. */
    record Pod(String namespace, Map<String, String> labels) {

        static Pod named(String namespace, String name) {
            return new Pod(namespace, Map.of("app.kubernetes.io/name", name));
        }

        Map<String, String> namespaceLabels() {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    Reachability(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    /** Whether {@code from} may open a TCP connection to {@code to} on {@code port}. */
    boolean allows(Pod from, Pod to, int port) {
        boolean in = !to.namespace().equals(namespace) || allowed(to, "Ingress",
                NetworkPolicyRules::ingress, peer -> matches(peer, from), port);
        boolean out = !from.namespace().equals(namespace) || allowed(from, "Egress",
                NetworkPolicyRules::egress, peer -> matches(peer, to), port);
        return in && out;
    }

    private boolean allowed(Pod pod, String type, Function<NetworkPolicy, List<NetworkPolicyRules.Rule>> rules,
                            Function<NetworkPolicyPeer, Boolean> peerMatches, int port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(policy -> policy.getSpec().getPolicyTypes().contains(type))
                .filter(policy -> selects(policy.getSpec().getPodSelector(), pod.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(policy -> rules.apply(policy).stream()).anyMatch(rule ->
                (rule.peers().isEmpty() || rule.peers().stream().anyMatch(peerMatches::apply))
                        && (rule.ports().isEmpty() || rule.ports().stream().anyMatch(p -> matches(p, port))));
    }

    private boolean matches(NetworkPolicyPeer peer, Pod pod) {
        if (peer.getIpBlock() != null) {
            return false;
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? pod.namespace().equals(namespace)
                : selects(peer.getNamespaceSelector(), pod.namespaceLabels());
        boolean podMatches = peer.getPodSelector() == null || selects(peer.getPodSelector(), pod.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean matches(NetworkPolicyPort rule, int port) {
        if (rule.getProtocol() != null && !rule.getProtocol().equals("TCP")) {
            return false;
        }
        IntOrString number = rule.getPort();
        if (number == null) {
            return true;
        }
        if (number.getIntVal() == null) {
            throw new IllegalArgumentException("a port by name (" + number.getStrVal() + ") is beyond this check");
        }
        int last = rule.getEndPort() == null ? number.getIntVal() : rule.getEndPort();
        return port >= number.getIntVal() && port <= last;
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null && !selector.getMatchLabels().entrySet().stream()
                .allMatch(required -> required.getValue().equals(labels.get(required.getKey())))) {
            return false;
        }
        return selector.getMatchExpressions() == null
                || selector.getMatchExpressions().stream().allMatch(requirement -> holds(requirement, labels));
    }

    private static boolean holds(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        return switch (requirement.getOperator()) {
            case "In" -> value != null && requirement.getValues().contains(value);
            case "NotIn" -> value == null || !requirement.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("no selector operator " + requirement.getOperator());
        };
    }
}
