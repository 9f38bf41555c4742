// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;
import org.m365mailwizard.core.i18n.Texts;

/**
 * Loads an FXML view with the texts as its resource bundle ({@code %key}) and controllers built by
 * the composition root, never by reflection on a no-argument constructor.
 */
public final class ViewLoader {

    private final Texts texts;
    private final Callback<Class<?>, Object> controllerFactory;

    public ViewLoader(Texts texts, Callback<Class<?>, Object> controllerFactory) {
        this.texts = texts;
        this.controllerFactory = controllerFactory;
    }

    /** Loads {@code <name>.fxml} from the controller's package; returns the controller (root via its view). */
    public <C> Loaded<C> load(Class<C> controllerType, String fxmlName) {
        URL fxml = controllerType.getResource(fxmlName);
        if (fxml == null) {
            throw new IllegalStateException("missing view " + fxmlName + " beside " + controllerType.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml, texts.asBundle());
        loader.setControllerFactory(controllerFactory);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, controllerType.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Texts texts() {
        return texts;
    }

    /** A loaded view and its controller. */
    public record Loaded<C>(Parent root, C controller) {
    }
}
