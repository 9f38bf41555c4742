// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.DnsReport;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.core.text.BoundedLines;
import org.m365mailwizard.core.text.TerminalSafe;

/**
 * {@code check-dns --domains-file}: checks the domains of a file (one per line, {@code #} comments,
 * {@code -} for standard input), at most {@code parallel} at a time and fewer while the resolver
 * leaves questions unanswered ({@link InFlightLimit}), printing each result as soon
 * as it is in: one JSON object per line, or one text line per domain. The file is read as it goes
 * and nothing of a finished domain is kept but the worst exit code, so memory stays flat however
 * long the list. Bad lines (not a domain, not UTF-8, longer than {@value #MAX_LINE_BYTES} bytes) are
 * reported on standard error and skipped; reading stops with exit 2 after {@value #MAX_FILE_BYTES}
 * bytes, so an endless stream ({@code /dev/zero}) ends with a message, not out of memory.
 */
final class BatchCheck {

    static final int MAX_LINE_BYTES = 4096;
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final DnsChecker checker;
    private final Cloud cloud;
    private final Optional<DomainName> initialDomain;
    private final int parallel;
    private final boolean json;
    private final FindingsJson findingsJson;
    private final FindingsTable table;
    private final Texts texts;

    /** @param findingsJson the JSON writer, used (and given) only when {@code json} is true */
    BatchCheck(DnsChecker checker, Cloud cloud, Optional<DomainName> initialDomain, int parallel, boolean json,
               FindingsJson findingsJson, FindingsTable table, Texts texts) {
        this.checker = checker;
        this.cloud = cloud;
        this.initialDomain = initialDomain;
        this.parallel = parallel;
        this.json = json;
        this.findingsJson = findingsJson;
        this.table = table;
        this.texts = texts;
    }

    int run(Path file, PrintWriter out, PrintWriter err) throws ProblemException, InterruptedException {
        InFlightLimit slots = new InFlightLimit(parallel,
                checker.batchAnswers().<LongSupplier>map(shared -> shared::lostSends).orElse(null));
        AtomicInteger worst = new AtomicInteger(ExitCode.OK);
        int checked = 0;
        int lineNumber = 0;
        try (BoundedLines lines = new BoundedLines(open(file), MAX_LINE_BYTES, MAX_FILE_BYTES)) {
            BoundedLines.Line line;
            while ((line = lines.next()) != null) {
                if (!(line instanceof BoundedLines.Text text)) {
                    String key = line instanceof BoundedLines.TooLong ? "cli.checkDns.lineTooLong" : "cli.checkDns.lineNotUtf8";
                    badLine(err, texts.get(key, file, line.number(), String.valueOf(MAX_LINE_BYTES)));
                    worst.accumulateAndGet(ExitCode.INVALID_INPUT, ExitCode::worse);
                    continue;
                }
                String entry = text.text().strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                DomainName.Result parsed = DomainName.parseTenantDomain(entry);
                if (parsed instanceof DomainName.Invalid invalid) {
                    badLine(err, texts.get("cli.checkDns.badLine", file, line.number(), texts.format(invalid.reason())));
                    worst.accumulateAndGet(ExitCode.INVALID_INPUT, ExitCode::worse);
                    continue;
                }
                DomainName domain = ((DomainName.Valid) parsed).name();
                slots.acquire();
                checked++;
                DnsCheckRequest request = new DnsCheckRequest(domain, cloud, initialDomain);
                // Started on the checker's executor, not here: a check whose first answers the batch
                // already holds runs on to its end at once, and on this thread it would hold up the
                // reading of the next domains (this thread did half of a batch's work, on one core).
                CompletableFuture<DnsReport> started;
                try {
                    started = CompletableFuture.supplyAsync(() -> checker.check(request), checker.executor())
                            .thenCompose(stage -> stage);
                } catch (RejectedExecutionException e) {
                    started = CompletableFuture.failedFuture(e); // its slot is released below, as for any failure
                }
                started.whenComplete((report, error) -> {
                    try {
                        if (error != null) {
                            worst.accumulateAndGet(ExitCode.UNAVAILABLE, ExitCode::worse);
                        } else {
                            print(report, out);
                            worst.accumulateAndGet(report.exitCode(), ExitCode::worse);
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
        } catch (BoundedLines.TooBig e) {
            throw ProblemException.invalidInput("cli.checkDns.fileTooBig", file, MAX_FILE_BYTES / (1024 * 1024));
        } catch (IOException e) {
            String key = Files.isDirectory(file) ? "cli.checkDns.fileIsFolder" : "cli.checkDns.fileUnreadable";
            throw new ProblemException(org.m365mailwizard.core.check.Message.of(key, file), ExitCode.INVALID_INPUT, e);
        } finally {
            slots.awaitAll(); // every started check has printed
        }
        if (checked == 0 && worst.get() == ExitCode.OK) {
            throw ProblemException.invalidInput("cli.checkDns.fileEmpty", file);
        }
        out.flush();
        return worst.get();
    }

    private static InputStream open(Path file) throws IOException {
        if (file.toString().equals("-")) {
            return System.in;
        }
        return Files.newInputStream(file);
    }

    private static void badLine(PrintWriter err, String text) {
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }

    private void print(DnsReport report, PrintWriter out) {
        String text = json ? findingsJson.line(CheckDnsCommand.reportJson(report, findingsJson.mapper(), findingsJson))
                : textLine(report);
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    /** {@code FAIL   tailspin.example  mx=fail spf=fail ...}: one line a person can scan down. */
    private String textLine(DnsReport report) {
        Status worst = Status.worst(report.findings().stream().map(Finding::status).toList());
        String checks = report.findings().stream().map(f -> TerminalSafe.render(f.id()) + "=" + f.status().jsonName())
                .collect(Collectors.joining(" "));
        return table.statusLabel(worst) + "  " + TerminalSafe.render(report.domain().ascii()) + "  " + checks;
    }
}
