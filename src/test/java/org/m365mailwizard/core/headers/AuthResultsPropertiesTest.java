// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Folding, comments, letter case and unknown methods or properties are all legal (RFC 8601 §2.2)
 * and change nothing: the verdict of a field written plainly equals the verdict of the same field
 * written with any of them, and no input at all makes the reader throw.
 */
class AuthResultsPropertiesTest {

    private static final String[] SPF = {"pass", "fail", "softfail", "neutral", "none", "temperror", "permerror"};
    private static final String[] DKIM = {"pass", "fail", "none", "policy", "neutral", "temperror", "permerror", "perm_fail"};
    private static final String[] DMARC = {"pass", "fail", "none", "bestguesspass", "temperror", "permerror"};
    private static final String[] COMMENTS = {"(x)", "(a;b=c)", "(nested (deep; =) here)", "(esc \\) paren)", "()",
        "(sender IP is 192.0.2.1)", "(p=REJECT sp=NONE dis=NONE)"};

    /** One statement as tokens; a token list of one element is a value that must stay whole. */
    private record Statement(List<String> tokens) {
    }

    @Property(tries = 400)
    void foldingCommentsCaseAndUnknownMethodsNeverChangeTheVerdict(@ForAll long seed) {
        Random random = new Random(seed);
        List<Statement> statements = statements(random);

        HeaderVerdict plain = verdict(render(statements, new Random(0), false));
        HeaderVerdict noisy = verdict(render(withUnknowns(statements, random), random, true));

        assertThat(noisy).isEqualTo(plain);
        assertThat(plain.authservId()).isEqualTo("mx.example.org");
    }

    @Property(tries = 400)
    void nothingMakesTheReaderThrow(@ForAll String anyText) {
        AuthResultsParser.parse(anyText);
        AuthResultsParser.parseArc(anyText);
        ReceivedSpf.parse(anyText);
        DkimSignature.parse(anyText);
        HeaderBlock block = HeaderBlock.parse("Authentication-Results: " + anyText + "\nReceived-SPF: " + anyText
                + "\nFrom: " + anyText + "\n\n");
        new HeaderAnalyzer().analyze(block, new HeaderSetup("example.com", "web@example.com", null));
        new HeaderAnalyzer().analyze(HeaderBlock.parse(anyText), HeaderSetup.NONE);
    }

    @Property(tries = 200)
    void noControlCharacterSurvivesIntoAFinding(@ForAll String anyText) {
        HeaderBlock block = HeaderBlock.parse("Authentication-Results: mx.example.org; spf=" + anyText
                + " smtp.mailfrom=" + anyText + "; dmarc=fail header.from=" + anyText + "\nFrom: " + anyText + "\n");
        HeaderAnalysis analysis = new HeaderAnalyzer().analyze(block, new HeaderSetup("example.com", "a@example.com", null));
        analysis.findings().forEach(f -> {
            f.found().forEach(s -> assertThat(s.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f))).isEmpty());
            f.message().args().forEach(s -> assertThat(s.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f))).isEmpty());
        });
    }

    private static HeaderVerdict verdict(String value) {
        HeaderBlock block = HeaderBlock.parse("Authentication-Results: " + value + "\r\nFrom: a@example.com\r\n\r\n");
        return new HeaderAnalyzer().analyze(block, HeaderSetup.NONE).verdict();
    }

    private static List<Statement> statements(Random random) {
        List<Statement> out = new ArrayList<>();
        out.add(new Statement(List.of("spf", "=", pick(random, SPF), "smtp", ".mailfrom", "=", "bounce.example.com")));
        int signatures = random.nextInt(3);
        for (int i = 0; i < signatures; i++) {
            out.add(new Statement(List.of("dkim", "=", pick(random, DKIM), "header", ".d", "=", "d" + i + ".example.com",
                    "header.s", "=", "sel" + i)));
        }
        if (random.nextBoolean()) {
            out.add(new Statement(List.of("dmarc", "=", pick(random, DMARC), "header", ".", "from", "=", "example.com")));
        }
        if (random.nextBoolean()) {
            out.add(new Statement(List.of("compauth", "=", random.nextBoolean() ? "pass" : "fail", "reason", "=",
                    String.format("%03d", random.nextInt(1000)))));
        }
        java.util.Collections.shuffle(out.subList(1, out.size()), random);
        return out;
    }

    private static List<Statement> withUnknowns(List<Statement> statements, Random random) {
        List<Statement> out = new ArrayList<>();
        for (Statement s : statements) {
            if (random.nextInt(3) == 0) {
                out.add(new Statement(List.of("x-unknown", "/", "2", "=", "maybe", "policy", ".", "thing", "=", "1")));
            }
            List<String> tokens = new ArrayList<>(s.tokens());
            if (random.nextBoolean()) {
                tokens.addAll(List.of("policy.unknown", "=", "7"));
            }
            out.add(new Statement(tokens));
        }
        return out;
    }

    private static String render(List<Statement> statements, Random random, boolean noisy) {
        StringBuilder out = new StringBuilder("mx.example.org");
        out.append(noisy && random.nextBoolean() ? " (the receiver) 1" : "");
        for (Statement s : statements) {
            out.append(noisy ? gap(random) : "").append(";").append(noisy ? gap(random) : " ");
            boolean first = true;
            for (String token : s.tokens()) {
                boolean glue = token.equals("=") || token.startsWith(".") || token.equals("/");
                if (!first) {
                    out.append(noisy ? gap(random) : (glue || out.charAt(out.length() - 1) == '=' ? "" : " "));
                }
                out.append(noisy && isName(token) ? randomCase(token, random) : token);
                first = false;
            }
        }
        return out.toString();
    }

    /** Between two tokens: nothing (where allowed), spaces, a fold, or a comment. */
    private static String gap(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> " ";
            case 1 -> "\r\n\t";
            case 2 -> " " + pick(random, COMMENTS) + " ";
            default -> "\r\n " + pick(random, COMMENTS) + "\r\n  ";
        };
    }

    private static boolean isName(String token) {
        return token.matches("[a-z_./-]+") && !token.contains("example");
    }

    private static String randomCase(String token, Random random) {
        StringBuilder out = new StringBuilder();
        for (char c : token.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return random.nextInt(5) == 0 ? out.toString().toUpperCase(Locale.ROOT) : out.toString();
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
