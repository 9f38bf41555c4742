// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "send-test", mixinStandardHelpOptions = true)
public final class SendTestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return org.m365mailwizard.core.check.ExitCode.UNAVAILABLE;
    }
}
