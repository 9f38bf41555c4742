// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "check-dns", mixinStandardHelpOptions = true)
public final class CheckDnsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return org.m365mailwizard.core.check.ExitCode.UNAVAILABLE;
    }
}
