// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the wizard shows a failure: what happened, why, what to do, and details to copy for
 * whoever helps. Details name the error and where it happened, never a stack trace or a value the
 * user typed (the full trace goes to the log, through its redactor).
 */
public final class ErrorPresenter {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPresenter.class);
    private static final String PACKAGE = "org.m365mailwizard.";

    /**
     * One failure as shown.
     *
     * @param details plain text for the "details" area; may be empty
     */
    public record Report(String what, String why, String whatToDo, String details) {
        public Report {
            Objects.requireNonNull(what, "what");
            why = why == null ? "" : why;
            whatToDo = whatToDo == null ? "" : whatToDo;
            details = details == null ? "" : details;
        }
    }

    private final Texts texts;
    private final Supplier<Window> owner;
    private final Path logFile;
    private final Clock clock;
    private boolean unexpectedShowing;

    /**
     * @param owner the window the dialog belongs to (may supply null)
     * @param logFile named in the details and the advice, so a helper knows where to look
     */
    public ErrorPresenter(Texts texts, Supplier<Window> owner, Path logFile, Clock clock) {
        this.texts = texts;
        this.owner = owner;
        this.logFile = logFile;
        this.clock = clock;
    }

    /** A problem the core explained ({@link ProblemException}): its text is the why; its {@code .fix} key, if any, what to do. */
    public Report fromProblem(String whatKey, Message problem) {
        String fixKey = problem.key() + ".fix";
        String todo = texts.has(fixKey) ? texts.get(fixKey, problem.args().toArray())
                : texts.get("error.problem.todo");
        return new Report(texts.get(whatKey), texts.format(problem), todo,
                details(List.of(texts.get("error.details.code", problem.key()))));
    }

    public Report fromProblem(String whatKey, ProblemException problem) {
        return fromProblem(whatKey, problem.problem());
    }

    /** An error nobody foresaw: logged with its trace, shown politely, once at a time (no cascade of dialogs). */
    public void showUnexpected(Throwable error) {
        LOG.error("Unexpected error", error);
        if (unexpectedShowing) {
            return;
        }
        unexpectedShowing = true;
        try {
            show(unexpected(error));
        } finally {
            unexpectedShowing = false;
        }
    }

    /** What {@link #showUnexpected} shows, without showing it. */
    public Report unexpected(Throwable error) {
        List<String> lines = new ArrayList<>();
        StringBuilder chain = new StringBuilder(error.getClass().getName());
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" ← ").append(cause.getClass().getName());
        }
        lines.add(texts.get("error.details.error", chain));
        whereInThisProgram(error).ifPresent(where -> lines.add(texts.get("error.details.where", where)));
        return new Report(texts.get("error.unexpected.what"), texts.get("error.unexpected.why"),
                texts.get("error.unexpected.todo", logFile), details(lines));
    }

    /** Shows the report in a dialog and waits until the user closes it. */
    public void show(Report report) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        AppStyles.apply(alert.getDialogPane());
        alert.setTitle(texts.get("app.title"));
        alert.setHeaderText(report.what());
        VBox body = new VBox(8);
        body.getStyleClass().add("error-report");
        if (!report.why().isEmpty()) {
            body.getChildren().add(Labels.wrapped(report.why(), "error-why"));
        }
        if (!report.whatToDo().isEmpty()) {
            body.getChildren().add(Labels.wrapped(texts.get("error.todo", report.whatToDo()), "error-todo"));
        }
        alert.getDialogPane().setContent(body);
        if (!report.details().isEmpty()) {
            alert.getDialogPane().setExpandableContent(detailsArea(report.details()));
        }
        alert.getDialogPane().setMinWidth(480);
        alert.setResizable(true);
        alert.showAndWait();
    }

    private VBox detailsArea(String details) {
        TextArea area = new TextArea(details);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(5);
        area.getStyleClass().add("code-preview");
        area.setAccessibleText(texts.get("error.details.accessible"));
        Button copy = new Button(texts.get("error.copyDetails"));
        copy.setId("copyErrorDetails");
        copy.setOnAction(e -> {
            Clipboards.putText(details);
            copy.setText(texts.get("error.copied"));
        });
        VBox box = new VBox(6, area, copy);
        box.getStyleClass().add("error-details");
        return box;
    }

    private String details(List<String> specific) {
        List<String> lines = new ArrayList<>(specific);
        lines.add(texts.get("error.details.time", ZonedDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        lines.add(texts.get("error.details.version", appVersion(), System.getProperty("java.version", "?"),
                System.getProperty("os.name", "?")));
        lines.add(texts.get("error.details.log", logFile));
        return String.join("\n", lines);
    }

    private static String appVersion() {
        try (java.io.InputStream in = ErrorPresenter.class.getResourceAsStream("/m365-mail-wizard-version.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static java.util.Optional<String> whereInThisProgram(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith(PACKAGE)) {
                    return java.util.Optional.of(frame.getClassName() + "." + frame.getMethodName() + ":"
                            + frame.getLineNumber());
                }
            }
        }
        return java.util.Optional.empty();
    }
}
