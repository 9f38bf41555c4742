// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.headers.HeaderAnalysis;
import org.m365mailwizard.core.headers.HeaderAnalyzer;
import org.m365mailwizard.core.headers.HeaderInput;
import org.m365mailwizard.core.headers.HeaderSetup;
import org.m365mailwizard.core.headers.HeaderVerdict;
import org.m365mailwizard.core.i18n.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check-headers FILE|- [--config FILE] [--format text|json]}: a received message's
 * authentication results, read and explained. Exit 0 when the receiver's DMARC verdict is pass (or,
 * where it gave none, SPF and DKIM both passed), 1 otherwise, 2 when the input holds no header
 * fields (or is an Outlook .msg); never 3, because nothing is looked up.
 */
@Command(name = "check-headers", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class CheckHeadersCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|-", descriptionKey = "cli.checkHeaders.param.file")
    String file;

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "cli.checkHeaders.option.config")
    Path config;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            descriptionKey = "cli.checkHeaders.option.format")
    Format format;

    private final HeaderAnalyzer analyzer;
    private final ConfigFile configFile;
    private final Supplier<InputStream> stdin;
    private final Texts texts;
    private final ObjectMapper mapper;
    private final Terminal terminal;

    public CheckHeadersCommand(HeaderAnalyzer analyzer, ConfigFile configFile, Supplier<InputStream> stdin, Texts texts,
                               ObjectMapper mapper, Terminal terminal) {
        this.analyzer = analyzer;
        this.configFile = configFile;
        this.stdin = stdin;
        this.texts = texts;
        this.mapper = mapper;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws ProblemException {
        HeaderSetup setup = config == null ? HeaderSetup.NONE : HeaderSetup.of(configFile.read(config));
        HeaderAnalysis analysis = analyzer.analyze(HeaderInput.headers(text()), setup);
        PrintWriter out = spec.commandLine().getOut();
        FindingsJson findingsJson = new FindingsJson(mapper, texts);
        if (format == Format.json) {
            ObjectNode node = mapper.createObjectNode();
            node.put("testId", analysis.testId());
            node.set("checks", findingsJson.findings(analysis.findings()));
            node.set("verdict", verdictJson(analysis.verdict()));
            node.put("exitCode", analysis.exitCode());
            out.println(findingsJson.line(node));
        } else {
            new FindingsTable(texts, terminal).print(analysis.findings(), out);
            out.println();
            out.println(texts.format(analysis.verdict().summary()));
        }
        out.flush();
        return analysis.exitCode();
    }

    private String text() throws ProblemException {
        if (file.equals("-")) {
            try {
                return HeaderInput.read(stdin.get(), "-");
            } catch (IOException e) {
                throw new ProblemException(org.m365mailwizard.core.check.Message.of("headers.error.unreadable", "-"),
                        ExitCode.INVALID_INPUT, e);
            }
        }
        return HeaderInput.read(Path.of(file));
    }

    private ObjectNode verdictJson(HeaderVerdict v) {
        ObjectNode node = mapper.createObjectNode();
        node.put("authservId", v.authservId());
        node.put("spf", v.spf());
        node.put("dkim", v.dkim());
        node.put("dmarc", v.dmarc());
        node.put("compauth", v.compauth());
        node.put("compauthReason", v.compauthReason());
        node.put("headerFrom", v.headerFrom());
        node.put("passed", v.passed());
        return node;
    }

}
