package io.limber.reminder.client;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUnitsTest {

    private final WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://127.9.9.9/hook",
                "https://10.0.0.5/hook",
                "https://172.16.3.4/hook",
                "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook",
                "https://[::1]/hook",
                "https://[fd12:3456::1]/hook",
                "https://[fe80::1]/hook",
                "https://[::ffff:10.0.0.1]/hook",
                "https://localhost/hook"
            })
    void refusesLoopbackPrivateAndLinkLocalTargets(String url) {
        assertThatThrownBy(() -> policy.check(url)).isInstanceOf(WebhookTargetPolicy.RefusedTargetException.class);
    }

    @Test
    void refusesPlainHttpCredentialsAndOtherSchemes() {
        assertThatThrownBy(() -> policy.check("http://93.184.215.14/hook")).hasMessageContaining("https");
        assertThatThrownBy(() -> policy.check("https://user:pw@93.184.215.14/hook"))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> policy.check("file:///etc/passwd")).hasMessageContaining("https");
        assertThatThrownBy(() -> policy.check("not a url"))
                .isInstanceOf(WebhookTargetPolicy.RefusedTargetException.class);
    }

    @Test
    void acceptsAPublicHttpsTargetAndTrustedHosts() {
        assertThat(policy.check("https://93.184.215.14/hook").uri()).hasHost("93.184.215.14");
        // The attempt connects to what was checked, not to a second lookup's answer.
        assertThat(policy.check("https://93.184.215.14/hook").address().getHostAddress())
                .isEqualTo("93.184.215.14");
        assertThat(new WebhookTargetPolicy(List.of("127.0.0.1"))
                        .check("http://127.0.0.1:9000/hook")
                        .uri())
                .hasPort(9000);
    }

    @Test
    void classifiesAddresses() throws Exception {
        assertThat(WebhookTargetPolicy.isPublic(InetAddress.getByName("8.8.8.8")))
                .isTrue();
        assertThat(WebhookTargetPolicy.isPublic(InetAddress.getByName("2001:4860:4860::8888")))
                .isTrue();
        assertThat(WebhookTargetPolicy.isPublic(InetAddress.getByName("192.168.0.1")))
                .isFalse();
    }

    /** The example in the Standard Webhooks specification. */
    @Test
    void signsLikeTheStandardWebhooksSpecificationExample() {
        String signature = WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    /** What a receiver using the Standard Webhooks reference library accepts, non-ASCII body included. */
    @Test
    void theReferenceLibraryVerifiesWhatWeSign() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        long now = Instant.now().getEpochSecond();
        String body = "{\"title\":\"Zeit für Übungen ✓\"}";
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(WebhookSignature.sign(secret, id, now, body)));

        new Webhook(secret).verify(body, headers);
        assertThatThrownBy(() -> new Webhook(secret).verify(body.replace("✓", "x"), headers))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void backoffDoublesUpToTheCapWithJitterInTheUpperHalf() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(30));
        RandomGenerator random = new SplittableRandom(42);
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(5_000L << (attempt - 1), 1_800_000L);
            for (int draw = 0; draw < 50; draw++) {
                assertThat(backoff.delay(attempt, random).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
        assertThat(backoff.delay(40, random)).isLessThanOrEqualTo(Duration.ofMinutes(30));
        long distinct = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> backoff.delay(3, random))
                .distinct()
                .count();
        assertThat(distinct).as("jitter spreads retries").isGreaterThan(10);
    }
}
