package io.tally.gateway.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;

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
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            forwarded.set(FORWARDED_FOR, remote.getAddress().getHostAddress());
        }
        return forwarded;
    }

    /** After the gateway's own header filters, which would otherwise remove it again. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
