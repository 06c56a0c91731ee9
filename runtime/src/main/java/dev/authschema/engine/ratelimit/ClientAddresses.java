package dev.authschema.engine.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * What a client is counted as: its IPv4 address, or the /64 prefix of its IPv6 address (one subscriber usually has a
 * whole /64, so counting single IPv6 addresses would let one client rotate through billions of keys). The address is
 * the container's {@code getRemoteAddr()}: forwarded headers are never read here; behind a reverse proxy, let the
 * server replace the remote address from the proxy's header for trusted proxies only (Open Liberty:
 * {@code <remoteIp proxies="..."/>} on the {@code httpEndpoint}).
 */
final class ClientAddresses {

    private ClientAddresses() {}

    /**
     * @param remoteAddress the remote address as the container reports it, or {@code null}
     * @return the client key subject
     */
    static String subject(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        String address = remoteAddress.strip();
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // An IP literal: parsed without a DNS look-up.
            byte[] bytes = InetAddress.getByName(
                            address.startsWith("[") ? address.substring(1, address.length() - 1) : address)
                    .getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // IPv4-mapped
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "/64";
        } catch (UnknownHostException | StringIndexOutOfBoundsException e) {
            return address;
        }
    }
}
