// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Status;

/**
 * The problems a person must hear about: a regression, a secret Microsoft refuses, an expired
 * secret, a secret expiring within the warning period. Each has a key that stays the same while the
 * problem lasts, so that with a state file it is announced once, and again only after it was gone.
 */
final class Alerts {

    /**
     * @param key stable while the problem lasts, e.g. {@code regression:spf} or {@code secret:expiring}
     * @param regression the regression, or {@code null} for a secret problem
     */
    record Problem(String key, Finding finding, Regression regression) {
    }

    private static final Set<String> SECRET_CHECKS = Set.of(AppCheckIds.TOKEN, AppCheckIds.SECRET_EXPIRY);

    private Alerts() {
    }

    static List<Problem> of(List<Finding> findings, List<Regression> regressions) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.id().equals(AppCheckIds.TOKEN) && f.status() == Status.FAIL) {
                problems.put("secret:refused", new Problem("secret:refused", f, regressionOf(f, regressions)));
            }
            if (f.id().equals(AppCheckIds.SECRET_EXPIRY)) {
                String key = switch (f.message().key()) {
                    case "app.expiry.past" -> "secret:expired";
                    case "app.expiry.soon" -> "secret:expiring";
                    default -> null;
                };
                if (key != null) {
                    problems.put(key, new Problem(key, f, regressionOf(f, regressions)));
                }
            }
        }
        for (Regression r : regressions) {
            if (!SECRET_CHECKS.contains(r.id())) {
                Finding f = findings.stream().filter(x -> x.id().equals(r.id())).findFirst().orElseThrow();
                problems.put("regression:" + r.id(), new Problem("regression:" + r.id(), f, r));
            }
        }
        return new ArrayList<>(problems.values());
    }

    private static Regression regressionOf(Finding f, List<Regression> regressions) {
        return regressions.stream().filter(r -> r.id().equals(f.id())).findFirst().orElse(null);
    }
}
