package io.tally.service.security;

import io.tally.tokens.TrustedAddresses;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who called a service: the direct peer, unless that peer is a trusted proxy ({@code tally.web.trusted-proxies},
 * {@code TALLY_TRUSTED_PROXIES}: IP addresses and IPv4 ranges, comma-separated, read by {@link TrustedAddresses}),
 * whose {@code X-Forwarded-For} then names the caller (its last address that is not itself a trusted proxy). Nobody
 * is trusted by default: a service reached directly would otherwise let any caller pick the address its failed
 * sign-ins count against (auth-service's throttle). The deployment names the gateway's address as the services see
 * it (on Kubernetes, the pod network's range, which only the gateway may reach from); the local stack names
 * 127.0.0.1, from where its gateway calls them. Spring Boot's own handling stays off
 * ({@code server.forward-headers-strategy: none}): it would believe any private or loopback address, and so a direct
 * caller on the same network.
 */
@Configuration(proxyBeanMethods = false)
public class TrustedProxies {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxyValve(
            @Value("${tally.web.trusted-proxies:}") String configured) {
        TrustedAddresses proxies = TrustedAddresses.parse(configured);
        return factory -> {
            if (!proxies.isEmpty()) {
                factory.addEngineValves(valve(proxies));
            }
        };
    }

    /** Tomcat's valve, believing exactly these peers and no other. */
    static RemoteIpValve valve(TrustedAddresses proxies) {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setRemoteIpHeader(FORWARDED_FOR);
        valve.setProtocolHeader(FORWARDED_PROTO);
        valve.setInternalProxies(proxies.regex());
        valve.setTrustedProxies(null);
        return valve;
    }
}
