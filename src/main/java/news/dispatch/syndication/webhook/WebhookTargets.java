package news.dispatch.syndication.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which hosts a webhook may be sent to (decision 100). Receivers are on the public internet: loopback,
 * link-local (cloud metadata), private, shared, unspecified, multicast and reserved addresses are refused,
 * and so are names that only make sense inside a network ({@code localhost}, {@code *.internal} ...), unless
 * {@code dispatch.webhooks.allowed-targets} names the host or a range holding the address. The check runs
 * when a receiver is registered and again before every attempt, on the addresses the name resolves to then;
 * the attempt connects to the address that was checked, so a name cannot be rebound in between.
 */
@ApplicationScoped
public class WebhookTargets {

    /** A literal IPv4 address in its one canonical spelling; other numeric spellings are refused. */
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|\\d+)");
    private static final List<String> INTERNAL_NAMES = List.of("localhost", "localhost.localdomain");
    private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".localdomain",
            ".home.arpa", ".intranet", ".lan", ".corp");
    private static final List<Range> NOT_PUBLIC = List.of(
            Range.parse("0.0.0.0/8"), Range.parse("10.0.0.0/8"), Range.parse("100.64.0.0/10"),
            Range.parse("127.0.0.0/8"), Range.parse("169.254.0.0/16"), Range.parse("172.16.0.0/12"),
            Range.parse("192.0.0.0/24"), Range.parse("192.168.0.0/16"), Range.parse("198.18.0.0/15"),
            Range.parse("224.0.0.0/3"),
            Range.parse("::/127"), Range.parse("fc00::/7"), Range.parse("fe80::/10"), Range.parse("fec0::/10"),
            Range.parse("ff00::/8"));

    private final List<Range> allowedRanges = new ArrayList<>();
    private final List<String> allowedNames = new ArrayList<>();
    private final HostResolver resolver;

    public WebhookTargets(WebhookConfig config, HostResolver resolver) {
        this.resolver = resolver;
        for (String entry : config.allowedTargets().orElse(List.of())) {
            String value = entry.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            Optional<Range> range = Range.tryParse(value);
            if (range.isPresent()) {
                allowedRanges.add(range.get());
            } else {
                allowedNames.add(value);
            }
        }
    }

    /** Why a registration's URL may not be used, or empty when it may. Resolves the name when it can. */
    Optional<String> refusal(URI uri) {
        if (uri.getPort() > 65535 || uri.getPort() == 0) {
            return Optional.of("must have a port between 1 and 65535");
        }
        String host = host(uri);
        if (host.contains(":")) {
            return refusalOf(host, List.of(literal(host)));
        }
        String[] labels = host.split("\\.");
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            return Optional.of("must name its host by name or by a dotted IPv4 or bracketed IPv6 address");
        }
        if (DOTTED_QUAD.matcher(host).matches()) {
            return refusalOf(host, List.of(literal(host)));
        }
        if (!allowedNames.contains(host) && internalName(host)) {
            return Optional.of("must not name a host of a local or internal network");
        }
        try {
            return refusalOf(host, List.of(resolver.resolve(host)));
        } catch (UnknownHostException e) {
            return Optional.empty(); // may exist later; checked again before every attempt
        }
    }

    /**
     * The address to connect to for an attempt, checked now; a {@link Refused} names the reason in words
     * safe to show in the delivery log (never the address a name resolved to).
     */
    InetAddress address(URI uri) throws Refused {
        String host = host(uri);
        InetAddress[] addresses;
        try {
            addresses = host.contains(":") || DOTTED_QUAD.matcher(host).matches()
                    ? new InetAddress[] {literal(host)} : resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("host not found");
        }
        if (addresses.length == 0) {
            throw new Refused("host not found");
        }
        if (refusalOf(host, List.of(addresses)).isPresent() || (!allowedNames.contains(host) && internalName(host))) {
            throw new Refused("target address not allowed");
        }
        return addresses[0];
    }

    private Optional<String> refusalOf(String host, List<InetAddress> addresses) {
        if (allowedNames.contains(host)) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowedRanges.stream().noneMatch(r -> r.contains(address))) {
                return Optional.of("must reach a public address (loopback, link-local, private and unspecified"
                        + " addresses are refused)");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            // IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address.
            if (v6.isIPv4CompatibleAddress() || isNat64(b)) {
                return isPublic(v4(b, 12));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return isPublic(v4(b, 2));
            }
        }
        return NOT_PUBLIC.stream().noneMatch(r -> r.contains(address));
    }

    private static boolean isNat64(byte[] b) {
        byte[] prefix = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] b, int from) {
        try {
            return InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean internalName(String host) {
        return INTERNAL_NAMES.contains(host) || INTERNAL_SUFFIXES.stream().anyMatch(host::endsWith) || !host.contains(".");
    }

    static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** Parses an address literal (never a name: no lookup happens). */
    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + host, e);
        }
    }

    /** The target may not be used; the message is fit for the delivery log. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** An address range in CIDR notation (a bare address is a range of one). */
    record Range(byte[] network, int bits) {

        static Range parse(String cidr) {
            return tryParse(cidr).orElseThrow(() -> new IllegalArgumentException("not an address range: " + cidr));
        }

        static Optional<Range> tryParse(String value) {
            int slash = value.indexOf('/');
            String address = slash < 0 ? value : value.substring(0, slash);
            if (!(address.contains(":") || DOTTED_QUAD.matcher(address).matches())) {
                return Optional.empty();
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(value.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Range(bytes, bits));
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
