// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Labels for text of any length: they wrap, take the width they are given and never cut a line off. */
public final class Labels {

    private Labels() {
    }

    public static Label wrapped(String text, String... styleClasses) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }
}
