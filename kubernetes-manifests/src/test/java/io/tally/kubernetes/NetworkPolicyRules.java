package io.tally.kubernetes;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.List;

/** A policy's ingress and egress rules in one shape: the peers (none: any) and the ports (none: all). */
final class NetworkPolicyRules {

    record Rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    }

    private NetworkPolicyRules() {
    }

    static List<Rule> ingress(NetworkPolicy policy) {
        return policy.getSpec().getIngress().stream()
                .map(rule -> new Rule(orNone(rule.getFrom()), orNone(rule.getPorts()))).toList();
    }

    static List<Rule> egress(NetworkPolicy policy) {
        return policy.getSpec().getEgress().stream()
                .map(rule -> new Rule(orNone(rule.getTo()), orNone(rule.getPorts()))).toList();
    }

    private static <T> List<T> orNone(List<T> items) {
        return items == null ? List.of() : items;
    }
}
