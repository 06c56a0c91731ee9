package dev.authschema.demo.web;

import dev.authschema.engine.http.HostNames;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Who may see the development mailbox, which lists every member's live sign-in link: only a development server,
 * and only a browser on the server's own machine (a loopback address, reached directly). A request that passed a
 * proxy (any forwarding header) is refused even from loopback, since the proxy's address says nothing about the
 * browser behind it; forwarding headers are never believed. The {@code Host} must name a loopback host too: a page
 * of another site whose name an attacker re-points at 127.0.0.1 (DNS rebinding) runs in the developer's own browser
 * and connects from loopback, but its requests still carry the attacker's host name.
 */
public final class DevMailboxAccess {

    /** Headers a proxy adds, or a client forges; Liberty's private {@code $WS*} headers among them. */
    static final List<String> FORWARDING_HEADERS = List.of(
            "Forwarded",
            "X-Forwarded-For",
            "X-Forwarded-Host",
            "X-Forwarded-Proto",
            "X-Forwarded-Port",
            "X-Real-IP",
            "X-Client-IP",
            "True-Client-IP",
            "Client-IP",
            "Via",
            "$WSRA",
            "$WSRH",
            "$WSSN",
            "$WSSP",
            "$WSSC",
            "$WSIS",
            "$WSPR");

    private static final Set<String> FORWARDING = Set.copyOf(
            FORWARDING_HEADERS.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());

    private DevMailboxAccess() {}

    /**
     * @param developmentMode whether the server runs in development mode
     * @param remoteAddress   the connection's peer address ({@code getRemoteAddr()}), never a header
     * @param headerNames     the request's header names
     * @return whether the mailbox may be shown
     */
    public static boolean allowed(boolean developmentMode, String remoteAddress, Iterable<String> headerNames) {
        if (!developmentMode || !isLoopback(remoteAddress)) {
            return false;
        }
        for (String name : headerNames) {
            if (name != null
                    && (FORWARDING.contains(name.toLowerCase(Locale.ROOT))
                            || name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param developmentMode whether the server runs in development mode
     * @param remoteAddress   the connection's peer address
     * @param header          the request's headers by name
     * @param headerNames     the request's header names
     * @return the same as {@link #allowed(boolean, String, Iterable)}, for a servlet request
     */
    static boolean allowed(
            boolean developmentMode,
            String remoteAddress,
            Function<String, String> header,
            Enumeration<String> headerNames) {
        List<String> names = headerNames == null ? List.of() : Collections.list(headerNames);
        // Some servers hide their private headers from getHeaderNames(); ask for them by name too.
        List<String> present = new ArrayList<>(names);
        FORWARDING_HEADERS.stream().filter(h -> header.apply(h) != null).forEach(present::add);
        return isLoopbackHost(header.apply("Host")) && allowed(developmentMode, remoteAddress, present);
    }

    /** A {@code Host} header naming a loopback host ({@code localhost}, 127.0.0.0/8, {@code [::1]}), with any port. */
    static boolean isLoopbackHost(String hostHeader) {
        return HostNames.authority(hostHeader)
                .map(HostNames::host)
                .filter(HostNames::isLoopback)
                .isPresent();
    }

    /** A literal IPv4 or IPv6 loopback address; names are never resolved. */
    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        // Only an address literal: getByName would look a name up in DNS.
        if (!literal.matches("[0-9a-fA-F.:]+") || !(literal.contains(".") || literal.contains(":"))) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
