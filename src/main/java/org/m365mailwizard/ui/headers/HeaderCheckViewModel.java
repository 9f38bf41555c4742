// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.headers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.headers.HeaderAnalysis;
import org.m365mailwizard.core.headers.HeaderAnalyzer;
import org.m365mailwizard.core.headers.HeaderInput;
import org.m365mailwizard.core.headers.HeaderSetup;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FxTasks;

/**
 * State of "Check a received mail": the pasted text, the rows of the last analysis in words, and
 * the verdict line. Files are read and text is analysed off the FX thread. Nothing is kept on disk
 * unless the admin saves the report.
 */
public final class HeaderCheckViewModel {

    /** One method or cross-check, in words, as a row of the table. */
    public record Row(String id, String check, Status status, String result, String identity, String meaning, String fix) {
    }

    /** Fixes made in DNS: for these the window offers the DNS checker on the domain at fault. */
    private static final java.util.Set<String> DNS_FIXES = java.util.Set.of("headers.fix.spfInclude",
            "headers.fix.dkimEnable", "headers.fix.dkimBroken", "headers.fix.dmarcRecord", "headers.fix.dmarcBroken");

    private final HeaderAnalyzer analyzer;
    private final Supplier<HeaderSetup> setup;
    private final Texts texts;
    private final FxTasks tasks;
    private final StringProperty input = new SimpleStringProperty("");
    private final StringProperty verdict = new SimpleStringProperty("");
    private final ObjectProperty<Message> problem = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty hasResult = new SimpleBooleanProperty();
    private final StringProperty dnsDomain = new SimpleStringProperty();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    public HeaderCheckViewModel(HeaderAnalyzer analyzer, Supplier<HeaderSetup> setup, Texts texts, FxTasks tasks) {
        this.analyzer = analyzer;
        this.setup = setup;
        this.texts = texts;
        this.tasks = tasks;
    }

    public StringProperty inputProperty() {
        return input;
    }

    public StringProperty verdictProperty() {
        return verdict;
    }

    /** Why the input could not be read (no header fields, an Outlook .msg, ...), or null. */
    public ObjectProperty<Message> problemProperty() {
        return problem;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty hasResultProperty() {
        return hasResult;
    }

    /** The domain whose DNS records the first DNS fix names, or null when no fix is in DNS. */
    public StringProperty dnsDomainProperty() {
        return dnsDomain;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Forgets the pasted text and the results. */
    public void clear() {
        input.set("");
        rows.clear();
        dnsDomain.set(null);
        verdict.set("");
        hasResult.set(false);
        problem.set(null);
    }

    /** Analyses the pasted text. */
    public void check() {
        String text = input.get();
        HeaderSetup known = setup.get();
        start(() -> analyzer.analyze(HeaderInput.headers(text), known));
    }

    /** Reads a file (an .eml, a text file with headers; an Outlook .msg is refused with the way out), then analyses it. */
    public void open(Path file) {
        HeaderSetup known = setup.get();
        running.set(true);
        tasks.run(() -> HeaderInput.read(file)).onSuccess(text -> {
            input.set(text);
            running.set(false);
            start(() -> analyzer.analyze(HeaderInput.headers(text), known));
        }).onError(this::failed).start();
    }

    /** Writes the report (rows and verdict in words) to {@code file}: the only way anything of the mail is kept. */
    public void save(Path file) {
        String report = report();
        tasks.run(() -> Files.writeString(file, report, StandardCharsets.UTF_8)).onError(this::failed).start();
    }

    private void start(java.util.concurrent.Callable<HeaderAnalysis> work) {
        running.set(true);
        problem.set(null);
        tasks.run(work).onSuccess(this::show).onError(this::failed).andFinally(() -> running.set(false)).start();
    }

    private void failed(Throwable error) {
        running.set(false);
        rows.clear();
        dnsDomain.set(null);
        verdict.set("");
        hasResult.set(false);
        problem.set(error instanceof ProblemException p ? p.problem() : Message.of("headers.error.unreadable", "?"));
    }

    private void show(HeaderAnalysis analysis) {
        List<Row> shown = new ArrayList<>();
        for (Finding f : analysis.findings()) {
            shown.add(row(f));
        }
        rows.setAll(shown);
        // Every DNS fix names its domain first: the first one is where the DNS checker should look.
        dnsDomain.set(analysis.findings().stream().flatMap(f -> f.notes().stream())
                .filter(n -> DNS_FIXES.contains(n.key()) && !n.args().isEmpty() && !"-".equals(n.args().get(0)))
                .map(n -> n.args().get(0)).findFirst().orElse(null));
        verdict.set(texts.format(analysis.verdict().summary()));
        hasResult.set(true);
    }

    private Row row(Finding f) {
        List<String> fixes = new ArrayList<>();
        f.notes().forEach(n -> fixes.add(texts.format(n)));
        if (f.fix() != null) {
            fixes.add(f.fix().zoneLine());
        }
        return new Row(f.id(), texts.get("headers.ui.check." + f.id()), f.status(), texts.get("findings.status." + f.status().jsonName()),
                String.join("\n", f.found()), texts.format(f.message()), String.join("\n", fixes));
    }

    String report() {
        StringBuilder out = new StringBuilder(texts.get("headers.ui.title")).append("\n\n").append(verdict.get()).append("\n\n");
        for (Row r : rows) {
            out.append(r.result()).append("  ").append(r.check()).append("\n  ").append(r.meaning()).append('\n');
            if (!r.identity().isEmpty()) {
                out.append("  ").append(r.identity().replace("\n", "\n  ")).append('\n');
            }
            if (!r.fix().isEmpty()) {
                out.append("  ").append(r.fix().replace("\n", "\n  ")).append('\n');
            }
        }
        return out.toString();
    }
}
