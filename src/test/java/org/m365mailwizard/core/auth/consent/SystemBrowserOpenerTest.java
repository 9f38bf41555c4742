// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production opener: one argument per URL, no shell, no current-folder lookups, no browser as root. */
class SystemBrowserOpenerTest {

    private static final URI URL = URI.create("https://login.microsoftonline.com/t/v2.0/adminconsent"
            + "?client_id=x&redirect_uri=http%3A%2F%2Flocalhost%3A5000&state=a;b$(id)%60x%60%7Cc");

    @TempDir
    Path bin;
    private final List<List<String>> started = new ArrayList<>();

    private SystemBrowserOpener opener(String os, Map<String, String> env, Optional<Integer> exit) {
        return new SystemBrowserOpener(os, env, false, command -> {
            started.add(command);
            return exit;
        });
    }

    private Path fakeProgram(String name) throws IOException {
        Path program = bin.resolve(name);
        Files.writeString(program, "#!/bin/sh\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return program;
    }

    @Test
    void linuxUsesXdgOpenFromAnAbsolutePathWithTheUrlAsOneArgument() throws IOException {
        Path xdg = fakeProgram("xdg-open");
        SystemBrowserOpener opener = opener("Linux", Map.of("PATH", "relative/bin:" + bin), Optional.of(0));

        assertThat(opener.open(URL)).isTrue();
        assertThat(started).containsExactly(List.of(xdg.toString(), URL.toASCIIString()));
    }

    @Test
    void aRelativePathEntryIsNeverSearched() throws IOException {
        fakeProgram("xdg-open");
        SystemBrowserOpener opener = opener("Linux", Map.of("PATH", ".:bin:"), Optional.of(0));
        assertThat(opener.command(URL)).isEmpty();
        assertThat(opener.open(URL)).as("no browser: the URL is shown to copy").isFalse();
    }

    @Test
    void underSudoNoBrowserIsStartedAsRoot() throws IOException {
        fakeProgram("xdg-open");
        SystemBrowserOpener opener = opener("Linux", Map.of("PATH", bin.toString(), "SUDO_USER", "admin"), Optional.of(0));
        assertThat(opener.open(URL)).isFalse();
        assertThat(started).isEmpty();
    }

    @Test
    void macUsesOpenAndWindowsAnAbsoluteRundll32() throws IOException {
        Path open = fakeProgram("open");
        assertThat(opener("Mac OS X", Map.of("PATH", bin.toString()), Optional.of(0)).command(URL))
                .contains(List.of(open.toString(), URL.toASCIIString()));
        assertThat(opener("Windows 11", Map.of("SystemRoot", "D:\\Win"), Optional.of(0)).command(URL))
                .contains(List.of("D:\\Win\\System32\\rundll32.exe", "url.dll,FileProtocolHandler", URL.toASCIIString()));
    }

    @Test
    void aFailingOpenerOrANonWebSchemeMeansNoBrowser() throws IOException {
        fakeProgram("xdg-open");
        assertThat(opener("Linux", Map.of("PATH", bin.toString()), Optional.of(3)).open(URL)).isFalse();
        assertThat(opener("Linux", Map.of("PATH", bin.toString()), Optional.empty()).open(URL))
                .as("still running after the wait: a browser is up").isTrue();
        assertThat(opener("Linux", Map.of("PATH", bin.toString()), Optional.of(0)).open(URI.create("file:///etc/passwd")))
                .isFalse();
    }
}
