package io.tally.gateway.web;

import io.tally.tokens.TrustedAddresses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Who called the gateway, behind a proxy of the deployment's own (a Kubernetes Ingress controller, a load
 * balancer): when the peer is one of {@code tally.gateway.trusted-proxies} ({@code TALLY_GATEWAY_TRUSTED_PROXIES},
 * read by {@link TrustedAddresses}), the caller is the last address of its {@code X-Forwarded-For} that is not itself
 * a trusted proxy, and the request goes on with that as its remote address: the rate limits, the sign-in throttle
 * (ClientAddressHeader tells auth-service) and the logs all see the caller, not the proxy. Nobody is trusted by
 * default, so a gateway reached directly keeps the peer's address whatever the caller writes in the header; an entry
 * that is not an IP literal ends the search, and the peer's address stands.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForwardedClient implements WebFilter {

    private final TrustedAddresses proxies;

    ForwardedClient(@Value("${tally.gateway.trusted-proxies:}") String configured) {
        this.proxies = TrustedAddresses.parse(configured);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (proxies.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || !proxies.contains(peer.getAddress())) {
            return chain.filter(exchange);
        }
        return caller(request.getHeaders().get(ClientAddressHeader.FORWARDED_FOR))
                .map(caller -> chain.filter(exchange.mutate()
                        .request(request.mutate().remoteAddress(new InetSocketAddress(caller, peer.getPort())).build())
                        .build()))
                .orElseGet(() -> chain.filter(exchange));
    }

    /** The last entry of the headers (read right to left) that is not a trusted proxy. */
    Optional<InetAddress> caller(List<String> forwardedFor) {
        if (forwardedFor == null) {
            return Optional.empty();
        }
        for (int h = forwardedFor.size() - 1; h >= 0; h--) {
            String[] entries = forwardedFor.get(h).split(",");
            for (int e = entries.length - 1; e >= 0; e--) {
                Optional<InetAddress> address = TrustedAddresses.parseLiteral(entries[e]);
                if (address.isEmpty()) {
                    return Optional.empty();
                }
                if (!proxies.contains(address.get())) {
                    return address;
                }
            }
        }
        return Optional.empty();
    }
}
