package dev.authschema.engine.http;

import dev.authschema.engine.log.FlowLog;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the authority ({@code host[:port]}) of a {@code Host} or {@code X-Forwarded-Host} header, and tells loopback
 * hosts apart. No name is ever resolved: {@code localhost} is recognised by name, addresses only as literals.
 */
public final class HostNames {

    /** A DNS name or IPv4 literal, or a bracketed IPv6 literal, and an optional port. */
    private static final Pattern AUTHORITY = Pattern.compile(
            "(\\[[0-9A-Fa-f:.]{2,45}]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::([0-9]{1,5}))?");

    private static final Pattern IPV4 =
            Pattern.compile("(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})");

    private HostNames() {}

    /**
     * @param authority a header value such as {@code example.com:8443} or {@code [::1]:9080} (untrusted)
     * @return the same authority in lower case, or empty when it is not one well-formed host with an optional port
     *         (user info, paths, spaces, several values, ...)
     */
    public static Optional<String> authority(String authority) {
        if (authority == null) {
            return Optional.empty();
        }
        Matcher matcher = AUTHORITY.matcher(authority.strip());
        if (!matcher.matches() || matcher.group(2) != null && Integer.parseInt(matcher.group(2)) > 65535) {
            return Optional.empty();
        }
        return Optional.of(authority.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @param authority a well-formed authority, see {@link #authority(String)}
     * @return its host: a name, an IPv4 literal, or an IPv6 literal without brackets
     */
    public static String host(String authority) {
        if (authority.startsWith("[")) {
            return authority.substring(1, authority.indexOf(']'));
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    /**
     * @param host a host name or address literal (IPv6 with or without brackets)
     * @return whether it is {@code localhost}, an address in {@code 127.0.0.0/8}, or {@code ::1}
     */
    public static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if ("localhost".equals(name)) {
            return true;
        }
        Matcher ipv4 = IPV4.matcher(name);
        // Octets with leading zeros are refused: browsers read 0127.0.0.1 as octal, another address.
        if (ipv4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(ipv4.group(i)) > 255) {
                    return false;
                }
            }
            return "127".equals(ipv4.group(1));
        }
        if (name.contains(":") && name.matches("[0-9a-f:.]+")) {
            try {
                // In brackets, getByName only parses an IPv6 literal: without them, a name such as "a:b" that is
                // no literal would be looked up in DNS, a lookup a client could trigger with its Host header.
                return InetAddress.getByName("[" + name + "]").isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * @param value an untrusted header value
     * @return a short, printable form of it for a log line (no line breaks, at most 100 characters)
     */
    public static String forLog(String value) {
        return value == null ? "(none)" : "'" + FlowLog.untrusted(value) + "'";
    }
}
