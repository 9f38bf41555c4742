// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsServerAddressTest {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.53,          192.0.2.53, 53",
        "192.0.2.53:5353,     192.0.2.53, 5353",
        "' 127.0.0.1:53 ',    127.0.0.1, 53",
        "[2001:db8::53]:5300, 2001:db8:0:0:0:0:0:53, 5300",
        "[2001:db8::53],      2001:db8:0:0:0:0:0:53, 53",
        "2001:db8::53,        2001:db8:0:0:0:0:0:53, 53",
        "localhost:1053,      127.0.0.1, 1053",
    })
    void readsAddressAndPort(String input, String host, int port) {
        DnsServerAddress.Result result = DnsServerAddress.parse(input);
        assertThat(result).isInstanceOf(DnsServerAddress.Valid.class);
        var address = ((DnsServerAddress.Valid) result).address();
        assertThat(address.getAddress().getHostAddress()).isEqualTo(host);
        assertThat(address.getPort()).isEqualTo(port);
    }

    @ParameterizedTest
    @CsvSource({
        "'',                    dns.resolver.empty",
        "192.0.2.1:0,           dns.resolver.badPort",
        "192.0.2.1:70000,       dns.resolver.badPort",
        "192.0.2.1:dns,         dns.resolver.badPort",
        "[2001:db8::1,          dns.resolver.invalid",
        "[2001:db8::1]x,        dns.resolver.invalid",
        "https://dns.example/,  dns.resolver.invalid",
        "':53',                 dns.resolver.invalid",
    })
    void rejectsWithReason(String input, String key) {
        DnsServerAddress.Result result = DnsServerAddress.parse(input);
        assertThat(result).isInstanceOf(DnsServerAddress.Invalid.class);
        assertThat(((DnsServerAddress.Invalid) result).reason().key()).isEqualTo(key);
    }
}
