// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A {@link DnsClient} that passes every question on and notes when it was asked, when its answer came
 * and what the answer named. From that it finds the longest chain of dependent questions: a
 * question depends on an earlier one when it was asked after that one's answer arrived and its
 * name is, or lies under, a name that answer mentioned (an SPF include, a CNAME target, a DMARC
 * report host). The checked domain and its parents are input, never a dependency.
 */
final class QuestionLog implements DnsClient {

    private static final Pattern HOST = Pattern.compile("[a-z0-9_-]+(?:\\.[a-z0-9_-]+)+");

    /** One question: what, when asked and answered (nanoTime), and the names its answer mentioned. */
    record Question(String name, int type, long askedAt, long answeredAt, Set<String> mentioned) {
        @Override
        public String toString() {
            return name + " " + Type.string(type);
        }
    }

    private final DnsClient next;
    private final Set<String> input;
    private final List<Question> questions = new ArrayList<>();

    /** @param domain the checked domain, whose name and parents count as input */
    QuestionLog(DnsClient next, String domain) {
        this.next = next;
        this.input = new HashSet<>();
        for (String n = bare(domain); n.contains("."); n = n.substring(n.indexOf('.') + 1)) {
            input.add(n);
        }
    }

    @Override
    public CompletionStage<DnsAnswer> query(String absoluteName, int type) {
        long asked = System.nanoTime();
        return next.query(absoluteName, type).thenApply(answer -> {
            Question q = new Question(bare(absoluteName), type, asked, System.nanoTime(), mentions(answer));
            synchronized (questions) {
                questions.add(q);
            }
            return answer;
        });
    }

    List<Question> questions() {
        synchronized (questions) {
            return List.copyOf(questions);
        }
    }

    /** The longest chain of dependent questions, first to last. */
    List<Question> longestChain() {
        List<Question> all = new ArrayList<>(questions());
        all.sort((a, b) -> Long.compare(a.askedAt(), b.askedAt()));
        int[] depth = new int[all.size()];
        int[] parent = new int[all.size()];
        int deepest = -1;
        for (int i = 0; i < all.size(); i++) {
            depth[i] = 1;
            parent[i] = -1;
            Question q = all.get(i);
            for (int j = 0; j < i; j++) {
                Question p = all.get(j);
                if (p.answeredAt() <= q.askedAt() && dependsOn(q, p) && depth[j] + 1 > depth[i]) {
                    depth[i] = depth[j] + 1;
                    parent[i] = j;
                }
            }
            if (deepest < 0 || depth[i] > depth[deepest]) {
                deepest = i;
            }
        }
        List<Question> chain = new ArrayList<>();
        for (int i = deepest; i >= 0; i = parent[i]) {
            chain.add(0, all.get(i));
        }
        return chain;
    }

    private boolean dependsOn(Question q, Question earlier) {
        for (String m : earlier.mentioned()) {
            if (!input.contains(m) && (q.name().equals(m) || q.name().endsWith("." + m))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> mentions(DnsAnswer answer) {
        Set<String> names = new HashSet<>();
        List<Record> records = new ArrayList<>(answer.cnameChain());
        records.addAll(answer.records());
        for (Record r : records) {
            Matcher m = HOST.matcher(r.rdataToString().toLowerCase(Locale.ROOT));
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static String bare(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
