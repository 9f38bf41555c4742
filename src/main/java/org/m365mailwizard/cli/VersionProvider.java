// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version stamped into the build (filtered resource), so {@code --version} works from any launcher. */
public final class VersionProvider implements IVersionProvider {

    public static String version() {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/m365-mail-wizard-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("version", "dev");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"M365 Mail Wizard " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
