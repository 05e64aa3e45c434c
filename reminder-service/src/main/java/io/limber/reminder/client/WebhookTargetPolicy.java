package io.limber.reminder.client;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.limber.reminder.config.ReminderConfig;

/**
 * Where a member may point their webhook. A member-supplied URL must not turn the service into a
 * proxy into its own network: loopback, private, link-local (cloud metadata), carrier-grade NAT,
 * multicast and unspecified addresses are refused, for every address the host resolves to, and
 * plain http is refused. Checked when the URL is saved and again before every attempt, since DNS
 * answers change; an attempt then connects to the address checked, not to a second lookup's answer
 * (DNS rebinding: a host that resolves to a public address for the check and to 127.0.0.1 for
 * the connection).
 */
@ApplicationScoped
public class WebhookTargetPolicy {

    private final Set<String> trustedHosts;

    @Inject
    WebhookTargetPolicy(ReminderConfig config) {
        this(config.webhook().trustedHosts().orElse(List.of()));
    }

    public WebhookTargetPolicy(List<String> trustedHosts) {
        this.trustedHosts =
                trustedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A checked target.
     *
     * @param address the checked address to connect to; null for a trusted host, which is
     *     resolved as usual
     */
    public record Target(URI uri, InetAddress address) {}

    /** @throws RefusedTargetException with a reason a member can act on */
    public Target check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new RefusedTargetException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedTargetException("must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new RefusedTargetException("must name a host and carry no credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (trustedHosts.contains(host)) {
            return new Target(uri, null);
        }
        if (!scheme.equals("https")) {
            throw new RefusedTargetException("must be an https URL");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedTargetException("names a host that cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new RefusedTargetException("must not point to a loopback, private or link-local address (" + host
                        + " is " + address.getHostAddress() + ")");
            }
        }
        return new Target(uri, addresses[0]);
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc; // fc00::/7
            boolean ipv4Mapped = isIpv4Mapped(b);
            if (ipv4Mapped) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        return false;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    public static class RefusedTargetException extends RuntimeException {
        public RefusedTargetException(String reason) {
            super(reason);
        }
    }
}
