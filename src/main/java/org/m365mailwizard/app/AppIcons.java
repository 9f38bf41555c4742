// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The application icon for windows, in the sizes window systems pick from (taskbar, Alt+Tab, title
 * bar). The PNGs are generated from {@code icons/app.svg} by {@code icons/build-icons.sh}, the same
 * source as the installers' icons, so the window and the installed launcher look alike.
 */
public final class AppIcons {

    static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

    private AppIcons() {
    }

    /** Sets the icon on a window: {@code AppIcons.applyTo(stage)} before {@code stage.show()}. */
    public static void applyTo(Stage stage) {
        stage.getIcons().setAll(load());
    }

    /** Every size, smallest first. */
    public static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            icons.add(load(size));
        }
        return icons;
    }

    static Image load(int size) {
        String name = "icons/icon-" + size + ".png";
        URL url = AppIcons.class.getResource(name);
        if (url == null) {
            // Only a broken build gets here: say which file the packaging lost.
            throw new IllegalStateException("window icon missing from the application: " + name
                    + " (regenerate with icons/build-icons.sh)");
        }
        Image image = new Image(url.toExternalForm());
        if (image.isError()) {
            throw new IllegalStateException("window icon unreadable: " + name, image.getException());
        }
        return image;
    }
}
