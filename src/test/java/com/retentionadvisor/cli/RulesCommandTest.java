package com.retentionadvisor.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.retentionadvisor.FixtureRules;
import com.retentionadvisor.rulesets.ShippedRules;

/** The rules command line an analysts' CI runs: its exit codes and what it prints, on real rule folders. */
class RulesCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldPassTheShippedRulesAndTheirScenarios() {
        String rules = ShippedRules.folder().toString();
        assertThat(run("check", "--dir", rules), equalTo(RulesCommand.OK));
        assertThat(out(), containsString("compiles: "));

        assertThat(run("test", "--dir", rules), equalTo(RulesCommand.OK));
        assertThat(out(), containsString(" 0 failed"));
    }

    @Test
    void shouldListTheRulesACheckCompiled() throws IOException {
        write(FixtureRules.withMarker(ShippedRules.files(), 10));

        assertThat(run("check", "--dir", folder.toString()), equalTo(RulesCommand.OK));
        assertThat(out(), containsString("  " + FixtureRules.MARKER_RULE_NAME + System.lineSeparator()));
    }

    @Test
    void shouldPrintTheUsageOfOneCommandOnHelp() {
        assertThat(run("backtest", "--help"), equalTo(RulesCommand.OK));
        assertThat(out(), containsString("rules backtest --dir <folder> --url <service> --cutoff"));
        assertThat(out(), containsString("Exit codes:"));
        assertThat(out(), not(containsString("rules calibrate")));

        assertThat(run("--help"), equalTo(RulesCommand.OK));
        assertThat(out(), containsString("rules calibrate"));

        assertThat(run("frobnicate", "--help"), equalTo(RulesCommand.USAGE));
        assertThat(err(), containsString("unknown command 'frobnicate'"));
        assertThat(run("check", "--colour", "red"), equalTo(RulesCommand.USAGE));
        assertThat(err(), containsString("unknown option --colour"));
    }

    @Test
    void shouldFailACheckOnASyntaxErrorNamingOnlyItsCause() throws IOException {
        write(FixtureRules.withAnUnclosedPattern(ShippedRules.files()));
        // The parser stumbles on the line after the unclosed pattern: the rule's "then".
        int thenLine = lineOf(FixtureRules.file(FixtureRules.UNCLOSED), "then");

        assertThat(run("check", "--dir", folder.toString()), equalTo(RulesCommand.RULES_REJECTED));
        assertThat(err(), containsString(FixtureRules.UNCLOSED + ":" + thenLine + ":"));
        assertThat("no other rule file is blamed", err().replace(FixtureRules.UNCLOSED + ":", ""), not(containsString(".drl:")));
        assertThat(run("test", "--dir", folder.toString()), equalTo(RulesCommand.RULES_REJECTED));
    }

    @Test
    void shouldFailTestsWhenAScenarioFails() throws IOException {
        write(FixtureRules.withMarkerAndAFailingScenario(ShippedRules.files()));

        assertThat(run("check", "--dir", folder.toString()), equalTo(RulesCommand.OK));
        assertThat(run("test", "--dir", folder.toString()), equalTo(RulesCommand.RULES_REJECTED));
        assertThat(out(), containsString(FixtureRules.CONTRADICTING_SCENARIO + ":"));
        assertThat(out(), containsString(": scenario '" + FixtureRules.CONTRADICTING_SCENARIO_NAME + "': "));
    }

    @Test
    void shouldFailTestsWhenThereAreNoScenarios() throws IOException {
        Map<String, byte[]> files = ShippedRules.files();
        files.keySet().removeIf(path -> path.startsWith("tests/"));
        write(files);

        assertThat(run("test", "--dir", folder.toString()), equalTo(RulesCommand.RULES_REJECTED));
        assertThat(err(), containsString("No scenario was found"));
    }

    @Test
    void shouldAnswerWrongUsageWithExitCodeTwo() {
        assertThat(run(), equalTo(RulesCommand.USAGE));
        assertThat(run("publish", "--dir", "rules"), equalTo(RulesCommand.USAGE));
        assertThat(run("check", "--folder", "rules"), equalTo(RulesCommand.USAGE));
        assertThat(run("check", "--dir"), equalTo(RulesCommand.USAGE));
        assertThat(run("check", "--dir", folder.resolve("missing").toString()), equalTo(RulesCommand.USAGE));
        assertThat(err(), containsString("does not exist"));
        assertThat(run("--help"), equalTo(RulesCommand.OK));
        assertThat(out(), containsString("Exit codes"));
    }

    @Test
    void shouldSayWhenTheServiceCannotBeReached() {
        assertThat(run("simulate", "--dir", "rules", "--url", "http://127.0.0.1:1"), equalTo(RulesCommand.SERVICE_FAILED));
        assertThat(err(), containsString("cannot be reached"));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new RulesCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void write(Map<String, byte[]> files) throws IOException {
        for (var file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    /** The number of the first line of the file that holds only this text. */
    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(text)) {
                return i + 1;
            }
        }
        throw new IllegalStateException(file + " does not contain " + text);
    }
}
