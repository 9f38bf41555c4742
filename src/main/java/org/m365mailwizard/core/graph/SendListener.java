// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import org.m365mailwizard.core.check.Message;

/**
 * Progress of one send, for the faces to show: the step under way, each retry wait (while it
 * lasts), and upload progress. Called on the sending thread; a face moves it to its own thread.
 */
public interface SendListener {

    /** A listener that ignores everything. */
    SendListener NONE = new SendListener() {
    };

    /** A new step begins, e.g. "Sending the message to Microsoft 365…". */
    default void step(Message step) {
    }

    /** Graph asked to wait: the wait starts now. */
    default void waiting(RetryWait wait) {
    }

    /** Bytes of an attachment uploaded so far. */
    default void uploaded(String attachmentName, long sentBytes, long totalBytes) {
    }
}
