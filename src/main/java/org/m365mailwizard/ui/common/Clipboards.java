// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Copy buttons: records, URLs, error details. Call on the FX thread. */
public final class Clipboards {

    private Clipboards() {
    }

    /** Puts plain text on the system clipboard, replacing what was there. */
    public static void putText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
