package io.tally.gateway.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Tells the services who called: {@code X-Forwarded-For} is exactly the address the gateway saw.
 * The gateway is the edge, so whatever the caller sent in that header is dropped (the gateway's
 * own X-Forwarded handling adds an address only behind a trusted proxy). auth-service throttles
 * failed sign-ins per this address.
 */
@Component
public class ClientAddressHeader implements HttpHeadersFilter, Ordered {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.putAll(input);
        forwarded.remove("Forwarded");
        forwarded.remove(FORWARDED_FOR);
        clientAddress(exchange).ifPresent(address -> forwarded.set(FORWARDED_FOR, address));
        return forwarded;
    }

    /** The address the gateway saw the request come from; the rate limits and auth-service key by it. */
    public static Optional<String> clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? Optional.empty() : Optional.of(remote.getAddress().getHostAddress());
    }

    /** After the gateway's own header filters, which would otherwise remove it again. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
