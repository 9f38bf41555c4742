// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

/** The changes the app setup can make on Microsoft's side, in the order they are applied. */
public enum ChangeKind {
    CREATE_APPLICATION,
    SET_AUDIENCE,
    ADD_REDIRECT_URI,
    ADD_PERMISSION,
    CREATE_SERVICE_PRINCIPAL,
    GRANT_CONSENT,
    ADD_SECRET,
    REMOVE_SECRET,
    REMOVE_CONSENT
}
