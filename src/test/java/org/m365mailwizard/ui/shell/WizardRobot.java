// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import org.m365mailwizard.testsupport.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a person does in the wizard, for the UI tests: click, paste, wait for the answer. */
final class WizardRobot {

    private final FxRobot robot;

    WizardRobot(FxRobot robot) {
        this.robot = robot;
    }

    FxRobot fx() {
        return robot;
    }

    /** Waits (the machine may be busy) until the condition holds, processing FX events meanwhile. */
    void waitUntil(String what, BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            String shown = shownTexts();
            saveWindows("timeout");
            throw new TimeoutException("waited in vain for: " + what + "; the windows show: " + shown);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Pictures of every open window in target/ui-failures, to see where a test got stuck. */
    void saveWindows(String prefix) {
        java.util.List<javafx.scene.image.WritableImage> images = new java.util.ArrayList<>();
        robot.interact(() -> Window.getWindows().stream().filter(Window::isShowing)
                .forEach(w -> images.add(w.getScene().snapshot(null))));
        for (int i = 0; i < images.size(); i++) {
            try {
                Screenshots.write(images.get(i), java.nio.file.Path.of("target", "ui-failures",
                        prefix + "-" + System.currentTimeMillis() + "-" + i + ".png"));
            } catch (java.io.IOException e) {
                // Only an aid for reading a failure: the failure itself is reported anyway.
            }
        }
    }

    /** Every text the open windows show, for a failure message that says where the wizard stood. */
    String shownTexts() {
        StringBuilder all = new StringBuilder();
        robot.interact(() -> Window.getWindows().stream().filter(Window::isShowing).forEach(w ->
                robot.from(w.getScene().getRoot()).lookup((Node n) -> n instanceof Labeled l && n.isVisible()
                        && l.getText() != null && !l.getText().isBlank()).queryAllAs(Labeled.class)
                        .forEach(l -> all.append(" | ").append(l.getText().replace('\n', ' ')))));
        return all.toString();
    }

    void click(String query) {
        Node node = robot.lookup(query).query();
        scrollIntoView(node);
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls every scroll pane around the node so that it is on screen, as a person would before clicking. */
    void scrollIntoView(Node node) {
        robot.interact(() -> {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof ScrollPane pane && pane.getContent() != null) {
                    Bounds inContent = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double hidden = pane.getContent().getBoundsInLocal().getHeight()
                            - pane.getViewportBounds().getHeight();
                    if (hidden > 0) {
                        double wanted = inContent.getMinY() - pane.getViewportBounds().getHeight() / 3;
                        pane.setVvalue(Math.max(0, Math.min(1, wanted / hidden)));
                        pane.layout();
                    }
                }
            }
        });
    }

    /** Pastes into a field (one change, as Ctrl+V does; typing forty characters key by key is slow). */
    void paste(String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        scrollIntoView(field);
        robot.clickOn(field);
        robot.interact(() -> {
            field.selectAll();
            field.replaceSelection(text);
        });
    }

    String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    String fieldText(String query) {
        return robot.lookup(query).queryAs(TextInputControl.class).getText();
    }

    boolean disabled(String query) {
        return robot.lookup(query).queryAs(Node.class).isDisabled();
    }

    boolean exists(String query) {
        return robot.lookup(query).tryQuery().isPresent();
    }

    /** Next, and wait until the title is the next step's. */
    void next(String expectedTitle) throws TimeoutException {
        waitUntil("Next enabled", () -> !disabled("#nextButton"));
        click("#nextButton");
        waitUntil("the step " + expectedTitle, () -> expectedTitle.equals(text(".step-title")));
    }

    String title() {
        return robot.lookup(".step-title").queryAs(Label.class).getText();
    }

    /** The button with this text in a dialog that is open (Alert or Dialog). */
    Button dialogButton(String text) throws TimeoutException {
        java.util.function.Predicate<Node> wanted = n -> n instanceof Button b && text.equals(b.getText());
        waitUntil("a dialog with " + text, () -> Window.getWindows().stream().anyMatch(w -> w.isShowing()
                && robot.from(w.getScene().getRoot()).lookup(wanted).tryQuery().isPresent()));
        Button button = Window.getWindows().stream().filter(Window::isShowing)
                .flatMap(w -> robot.from(w.getScene().getRoot()).lookup(wanted).queryAllAs(Button.class).stream())
                .findFirst().orElseThrow();
        // A dialog is sized and centred on its owner after it shows: click only once it stands still.
        Window window = button.getScene().getWindow();
        double[] last = {Double.NaN, Double.NaN};
        waitUntil("the dialog in place", () -> {
            boolean still = window.getX() == last[0] && window.getY() == last[1];
            last[0] = window.getX();
            last[1] = window.getY();
            return still;
        });
        return button;
    }
}
