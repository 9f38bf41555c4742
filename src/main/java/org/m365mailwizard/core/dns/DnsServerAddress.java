// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.m365mailwizard.core.check.Message;

/**
 * Reads a DNS server given as {@code host[:port]}: an IPv4 address, a bracketed IPv6 address
 * ({@code [2001:db8::53]:53}), a bare IPv6 address, or a host name (resolved once, by the system).
 * The port defaults to 53.
 */
public final class DnsServerAddress {

    public static final int DEFAULT_PORT = 53;

    private DnsServerAddress() {
    }

    /** The outcome of reading one server: its address, or why it is not one. */
    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(InetSocketAddress address) implements Result {
    }

    public record Invalid(Message reason) implements Result {
    }

    public static Result parse(String input) {
        if (input == null || input.isBlank()) {
            return new Invalid(Message.of("dns.resolver.empty"));
        }
        String text = input.strip();
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@')) {
            return new Invalid(Message.of("dns.resolver.invalid", text));
        }
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return new Invalid(Message.of("dns.resolver.invalid", text));
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return new Invalid(Message.of("dns.resolver.invalid", text));
                }
                port = rest.substring(1);
            }
        } else if (text.indexOf(':') != text.lastIndexOf(':')) {
            host = text; // a bare IPv6 address: its colons are not a port separator
        } else {
            int colon = text.indexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        int portNumber = DEFAULT_PORT;
        if (port != null) {
            try {
                portNumber = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                portNumber = -1;
            }
            if (portNumber < 1 || portNumber > 65535) {
                return new Invalid(Message.of("dns.resolver.badPort", text, port));
            }
        }
        if (host.isEmpty()) {
            return new Invalid(Message.of("dns.resolver.invalid", text));
        }
        try {
            return new Valid(new InetSocketAddress(InetAddress.getByName(host), portNumber));
        } catch (UnknownHostException | SecurityException e) {
            return new Invalid(Message.of("dns.resolver.unknownHost", host));
        }
    }
}
