package io.limber.reminder.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.vertx.core.Vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client connects to the address the policy checked, never to a second DNS answer: the URL's
 * host here does not resolve at all, so only the checked address can deliver.
 */
class WebhookClientPinningTest {

    private HttpServer receiver;
    private Vertx vertx;
    private final AtomicReference<String> host = new AtomicReference<>();
    private final AtomicReference<String> path = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            host.set(exchange.getRequestHeaders().getFirst("Host"));
            path.set(exchange.getRequestURI().toString());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        vertx.close();
    }

    @Test
    void connectsToTheCheckedAddressWithTheUrlsHost() throws Exception {
        int port = receiver.getAddress().getPort();
        WebhookClient client =
                new WebhookClient(pinnedTo(InetAddress.getLoopbackAddress()), Duration.ofSeconds(5), vertx);

        int status = client.post("http://hooks.example.invalid:" + port + "/limber?team=a", "msg_1", secret(), "{}");

        assertThat(status).isEqualTo(204);
        assertThat(host.get()).isEqualTo("hooks.example.invalid:" + port);
        assertThat(path.get()).isEqualTo("/limber?team=a");
    }

    @Test
    void withoutACheckedAddressAnUnresolvableHostIsAnError() {
        int port = receiver.getAddress().getPort();
        WebhookClient client = new WebhookClient(
                new WebhookTargetPolicy(List.of("hooks.example.invalid")), Duration.ofSeconds(5), vertx);

        assertThatThrownBy(
                        () -> client.post("http://hooks.example.invalid:" + port + "/limber", "msg_1", secret(), "{}"))
                .isInstanceOf(java.io.IOException.class);
        assertThat(host.get()).isNull();
    }

    /** A policy whose DNS answer was the given address. */
    private static WebhookTargetPolicy pinnedTo(InetAddress address) {
        return new WebhookTargetPolicy(List.of()) {
            @Override
            public Target check(String url) {
                return new Target(URI.create(url), address);
            }
        };
    }

    private static String secret() {
        return "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    }
}
