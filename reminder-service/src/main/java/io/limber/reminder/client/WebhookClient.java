package io.limber.reminder.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.limber.reminder.config.ReminderConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * POSTs one signed Standard Webhooks message to the address {@link WebhookTargetPolicy} checked,
 * with the URL's host for TLS (SNI, certificate check) and the Host header. Redirects are not
 * followed: they could lead anywhere. Vert.x's client rather than the JDK's, because only it lets
 * a request name the address to connect to.
 */
@ApplicationScoped
public class WebhookClient {

    private final HttpClient http;
    private final WebhookTargetPolicy policy;
    private final Duration timeout;

    @Inject
    WebhookClient(WebhookTargetPolicy policy, ReminderConfig config, Vertx vertx) {
        this(policy, config.webhook().timeout(), vertx);
    }

    WebhookClient(WebhookTargetPolicy policy, Duration timeout, Vertx vertx) {
        this.policy = policy;
        this.timeout = timeout;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true)
                .setMaxPoolSize(8));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** @return the receiver's HTTP status */
    public int post(String url, String webhookId, String secret, String body) throws IOException, InterruptedException {
        WebhookTargetPolicy.Target target = policy.check(url);
        URI uri = target.uri();
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(pathAndQuery(uri))
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "limber-reminder-service")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.sign(secret, webhookId, timestamp, body));
        if (target.address() != null) {
            request.setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), port)));
        }
        try {
            return http.request(request)
                    .compose(r -> r.send(Buffer.buffer(body)))
                    // The receiver's body is not read, only drained, so a huge answer costs nothing.
                    .compose(response -> response.end().map(done -> response.statusCode()))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IOException("No answer within " + timeout, e);
        }
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
