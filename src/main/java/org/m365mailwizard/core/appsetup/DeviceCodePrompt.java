// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import java.time.Duration;

/**
 * What the admin must do for the device-code sign-in: open {@code verificationUri} on any device and
 * enter {@code userCode}. Both are taken from Microsoft's answer, never built (national clouds differ).
 */
public record DeviceCodePrompt(String userCode, String verificationUri, Duration expiresIn) {
}
