package io.tally.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Serves a public JWK set where the services expect auth-service's, on the loopback interface. */
final class JwksServer implements AutoCloseable {

    static final String PATH = "/.well-known/jwks.json";

    private final HttpServer server;

    private JwksServer(HttpServer server) {
        this.server = server;
    }

    /** On {@code port}, or on a free one when it is 0. */
    static JwksServer start(int port, String jwks) throws IOException {
        byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(PATH, exchange -> answer(exchange, body));
        server.start();
        return new JwksServer(server);
    }

    static URI uri(int port) {
        return URI.create("http://" + Ports.LOOPBACK + ":" + port + PATH);
    }

    URI uri() {
        return uri(server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream response = exchange.getResponseBody()) {
                    response.write(body);
                }
            }
        }
    }
}
