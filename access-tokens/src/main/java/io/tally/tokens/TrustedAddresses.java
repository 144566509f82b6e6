package io.tally.tokens;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The proxies whose {@code X-Forwarded-For} a process believes ({@code TALLY_TRUSTED_PROXIES}): IP addresses and IPv4
 * ranges in CIDR notation ({@code 10.244.0.0/16}: the pod network of a cluster, where the gateway's address changes
 * with every pod), comma-separated. A host name is refused, since trusting a name would mean trusting whatever it
 * resolves to; so is a range whose address has bits beyond its prefix, which is a typing slip more often than not.
 * IPv6 addresses are taken one by one. Shared by the gateway (which believes the proxy in front of it) and the
 * services (which believe the gateway), so that both read the setting by one rule.
 */
public final class TrustedAddresses {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV4_RANGE = Pattern.compile("(" + IPV4.pattern() + ")/(\\d{1,2})");
    private static final TrustedAddresses NONE = new TrustedAddresses(List.of());

    /** An address and how many of its leading bits a member shares with it (all of them for one address). */
    private record Range(byte[] network, int prefix, String text) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The members' textual forms, as a server reports a peer's address, as a regular expression. */
        String regex() throws UnknownHostException {
            if (network.length != 4 || prefix == 32) {
                return Pattern.quote(InetAddress.getByAddress(network).getHostAddress());
            }
            List<String> octets = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int fixedBits = Math.max(0, Math.min(8, prefix - 8 * i));
                int first = network[i] & 0xff;
                int count = 1 << (8 - fixedBits);
                if (count == 1) {
                    octets.add(Integer.toString(first));
                } else if (count == 256) {
                    octets.add(OCTET);
                } else {
                    List<String> values = new ArrayList<>();
                    for (int value = first; value < first + count; value++) {
                        values.add(Integer.toString(value));
                    }
                    octets.add("(" + String.join("|", values) + ")");
                }
            }
            return String.join("\\.", octets);
        }
    }

    private final List<Range> ranges;

    private TrustedAddresses(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Nobody trusted. */
    public static TrustedAddresses none() {
        return NONE;
    }

    /** The comma-separated setting; blank trusts nobody. */
    public static TrustedAddresses parse(String configured) {
        Set<String> seen = new LinkedHashSet<>();
        List<Range> ranges = new ArrayList<>();
        for (String item : configured == null ? new String[0] : configured.split(",")) {
            String entry = item.strip();
            if (!entry.isEmpty()) {
                Range range = range(entry);
                if (seen.add(range.text())) {
                    ranges.add(range);
                }
            }
        }
        return ranges.isEmpty() ? NONE : new TrustedAddresses(ranges);
    }

    private static Range range(String entry) {
        var cidr = IPV4_RANGE.matcher(entry);
        if (cidr.matches()) {
            int prefix = Integer.parseInt(cidr.group(cidr.groupCount()));
            byte[] network = literal(cidr.group(1), entry);
            if (prefix > 32) {
                throw new IllegalArgumentException("A trusted proxy range's prefix is at most 32, not " + entry);
            }
            Range range = new Range(network, prefix, entry);
            for (int bit = prefix; bit < 32; bit++) {
                if ((network[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                    throw new IllegalArgumentException("A trusted proxy range's address has bits beyond its prefix: "
                            + entry);
                }
            }
            return range;
        }
        if (!IPV4.matcher(entry).matches() && !(entry.contains(":") && !entry.contains("/"))) {
            throw new IllegalArgumentException("A trusted proxy is an IP address or an IPv4 range (CIDR), not "
                    + entry);
        }
        byte[] address = literal(entry, entry);
        return new Range(address, address.length * 8, addressText(address));
    }

    private static byte[] literal(String address, String entry) {
        try {
            // An IP literal is parsed, never looked up (the patterns above let no name through).
            return InetAddress.getByName(bracketed(address)).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("A trusted proxy is an IP address or an IPv4 range (CIDR), not "
                    + entry, e);
        }
    }

    /**
     * An IPv6 literal in brackets: so written, the JDK parses it or refuses it, where an invalid one without them
     * would be looked up as a host name.
     */
    private static String bracketed(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static String addressText(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether this address, as a peer's, is a trusted proxy. */
    public boolean contains(InetAddress address) {
        return address != null && ranges.stream().anyMatch(range -> range.contains(address.getAddress()));
    }

    /**
     * Whether this text is a trusted proxy's address: an IP literal only (an entry of {@code X-Forwarded-For} that is
     * a name or junk is nobody's).
     */
    public boolean contains(String address) {
        return parseLiteral(address).map(this::contains).orElse(false);
    }

    /** An IP literal of a forwarding header, never looked up; empty for anything else. */
    public static Optional<InetAddress> parseLiteral(String text) {
        String candidate = text == null ? "" : text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (!IPV4.matcher(candidate).matches() && !(candidate.contains(":") && candidate.matches("[0-9A-Fa-f:.]+"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bracketed(candidate)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The members as one regular expression over their textual forms (Tomcat's RemoteIpValve takes one). */
    public String regex() {
        return ranges.stream().map(range -> {
            try {
                return range.regex();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining("|"));
    }

    /** The entries as configured (single addresses in the form a server reports them). */
    public List<String> entries() {
        return ranges.stream().map(Range::text).toList();
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "nobody" : String.join(", ", entries());
    }
}
