// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SystemBrowserTest {

    private static final URI LINK = URI.create("https://entra.microsoft.com/#view/x?a=1&b=2");

    @Test
    void usesEachSystemsOwnLauncherWithTheWholeAddressAsOneArgument() {
        assertThat(SystemBrowser.command("Linux", LINK)).containsExactly("xdg-open", LINK.toString());
        assertThat(SystemBrowser.command("Mac OS X", LINK)).containsExactly("open", LINK.toString());
        assertThat(SystemBrowser.command("Windows 11", LINK))
                .containsExactly("rundll32", "url.dll,FileProtocolHandler", LINK.toString());
    }
}
