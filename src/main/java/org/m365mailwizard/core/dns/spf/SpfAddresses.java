// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Address arithmetic for SPF: the strict literal grammar of ip4/ip6 terms, CIDR comparison on raw
 * bytes, and the text forms the macros need. Nothing here touches DNS (Guava's parser never
 * resolves, unlike {@link InetAddress#getByName}).
 */
final class SpfAddresses {

    /** RFC 7208 qnum: no leading zeros, 0..255. */
    private static final String QNUM = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
    private static final Pattern IP4 = Pattern.compile(QNUM + "(?:\\." + QNUM + "){3}");
    private static final Pattern IP6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private SpfAddresses() {
    }

    /** The 4 bytes of a strict dotted quad, or null. */
    static byte[] parseIp4(String text) {
        if (!IP4.matcher(text).matches()) {
            return null;
        }
        return InetAddresses.forString(text).getAddress();
    }

    /** The 16 bytes of an IPv6 literal (an IPv4-mapped one kept as 16 bytes), or null. */
    static byte[] parseIp6(String text) {
        if (!text.contains(":") || !IP6_CHARS.matcher(text).matches()) {
            return null;
        }
        try {
            InetAddress parsed = InetAddresses.forString(text);
            return toSixteen(parsed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The client address as SPF sees it: an IPv4-mapped IPv6 address is IPv4 (RFC 7208 §5/9/2),
     * everything else as given.
     */
    static InetAddress normalize(InetAddress ip) {
        if (ip instanceof Inet6Address) {
            byte[] b = ip.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
                return fromBytes(Arrays.copyOfRange(b, 12, 16));
            }
        }
        return ip;
    }

    /** An address from 4 or 16 raw bytes; never resolves anything. */
    static InetAddress fromBytes(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("address of " + raw.length + " bytes", e);
        }
    }

    static byte[] toSixteen(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16) {
            return b;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(b, 0, mapped, 12, 4);
        return mapped;
    }

    /** True when the first {@code prefix} bits of both byte arrays (of equal length) agree. */
    static boolean sameNetwork(byte[] a, byte[] b, int prefix) {
        if (a.length != b.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (b[full] & mask);
    }

    /** True when {@code candidate} (from DNS) is in the client's network of the given prefix. */
    static boolean matches(InetAddress client, InetAddress candidate, int cidr4, int cidr6) {
        boolean clientV4 = client instanceof Inet4Address;
        boolean candidateV4 = candidate instanceof Inet4Address;
        if (clientV4 != candidateV4) {
            return false;
        }
        return sameNetwork(client.getAddress(), candidate.getAddress(), clientV4 ? cidr4 : cidr6);
    }

    /** %{i}: dotted quad, or 32 dot-separated lower-case nibbles for IPv6 (RFC 7208 §7.3). */
    static String macroI(InetAddress ip) {
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress();
        }
        StringBuilder out = new StringBuilder(63);
        for (byte b : ip.getAddress()) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append('.')
                    .append(Character.forDigit(b & 0xf, 16)).append('.');
        }
        return out.substring(0, out.length() - 1);
    }

    /** %{c}: dotted quad or the RFC 5952 compressed IPv6 form. */
    static String macroC(InetAddress ip) {
        return InetAddresses.toAddrString(ip).toLowerCase(Locale.ROOT);
    }

    /** The reverse-lookup name, absolute ({@code 4.3.2.1.in-addr.arpa.}). */
    static String reverseName(InetAddress ip) {
        String[] parts = macroI(ip).split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = parts.length - 1; i >= 0; i--) {
            out.append(parts[i]).append('.');
        }
        return out.append(ip instanceof Inet4Address ? "in-addr.arpa." : "ip6.arpa.").toString();
    }
}
