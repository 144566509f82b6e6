package io.tally.service.security;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who called a service: the direct peer, unless that peer is a trusted proxy ({@code tally.web.trusted-proxies},
 * {@code TALLY_TRUSTED_PROXIES}: IP addresses, comma-separated), whose {@code X-Forwarded-For} then names the caller
 * (its last address that is not itself a trusted proxy). Nobody is trusted by default: a service reached directly
 * would otherwise let any caller pick the address its failed sign-ins count against (auth-service's throttle). The
 * deployment names the gateway's address as the services see it; the local stack names 127.0.0.1, from where its
 * gateway calls them. Spring Boot's own handling stays off ({@code server.forward-headers-strategy: none}): it would
 * believe any private or loopback address, and so a direct caller on the same network.
 */
@Configuration(proxyBeanMethods = false)
public class TrustedProxies {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxyValve(
            @Value("${tally.web.trusted-proxies:}") String configured) {
        List<String> proxies = addresses(configured);
        return factory -> {
            if (!proxies.isEmpty()) {
                factory.addEngineValves(valve(proxies));
            }
        };
    }

    /**
     * The configured addresses as the server reports a peer's ({@code ::1} as {@code 0:0:0:0:0:0:0:1}); a host name
     * is refused, since trusting a name would mean trusting whatever it resolves to.
     */
    static List<String> addresses(String configured) {
        return Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .map(TrustedProxies::literal)
                .distinct()
                .toList();
    }

    private static String literal(String address) {
        if (!IPV4.matcher(address).matches() && !address.contains(":")) {
            throw new IllegalArgumentException("A trusted proxy is an IP address, not " + address);
        }
        try {
            // An IP literal is parsed, never looked up.
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("A trusted proxy is an IP address, not " + address, e);
        }
    }

    /** Tomcat's valve, believing exactly these peers and no other. */
    static RemoteIpValve valve(List<String> proxies) {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setRemoteIpHeader(FORWARDED_FOR);
        valve.setProtocolHeader(FORWARDED_PROTO);
        valve.setInternalProxies(proxies.stream().map(Pattern::quote).collect(Collectors.joining("|")));
        valve.setTrustedProxies(null);
        return valve;
    }
}
