package com.retentionadvisor.cli;

import static com.retentionadvisor.Crm.AS_OF;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.unique;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import com.retentionadvisor.AsCaller;
import com.retentionadvisor.FixtureRules;
import com.retentionadvisor.callers.Callers;
import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.rulesets.ShippedRules;

/**
 * The rules command line sends a folder to a running advisor for a simulation and prints the report, with an
 * analyst's API key issued by the service (no @TestSecurity: the key is what lets it in).
 */
@QuarkusTest
class RulesCommandServiceTest {

    @TestHTTPResource("/")
    URL service;

    @Inject
    Callers callers;

    @TempDir
    Path folder;

    @Test
    void shouldSimulateAFolderOnTheServiceAndPrintTheReport() throws IOException {
        String crm = callers.issueKey(unique("cli-crm"), Roles.CRM, null, "test").key();
        AsCaller.run(crm, () -> {
            for (int i = 0; i < 3; i++) {
                pushAll("customers", List.of(customer(unique("CLI"))));
            }
        });
        write(ShippedRules.withWeight("NPS_DETRACTOR", 1000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new RulesCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("simulate", "--dir", folder.toString(), "--url", service.toString(), "--as-of", AS_OF.toString(), "--sample", "3",
                        "--api-key", analystKey()));

        assertThat(err.toString(StandardCharsets.UTF_8), exit, equalTo(RulesCommand.OK));
        assertThat(out.toString(StandardCharsets.UTF_8), containsString("\"candidateVersion\""));
        assertThat(out.toString(StandardCharsets.UTF_8), containsString("\"customers\" : 3"));
    }

    @Test
    void shouldExitWithOneWhenTheServiceTurnsTheRulesAway() throws IOException {
        write(FixtureRules.withATypo(ShippedRules.files()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        String key = analystKey();
        int exit = new RulesCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                variable -> RulesCommand.API_KEY_VARIABLE.equals(variable) ? key : null)
                .run(List.of("simulate", "--dir", folder.toString(), "--url", service.toString()));

        assertThat(exit, equalTo(RulesCommand.RULES_REJECTED));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString(FixtureRules.TYPO + ":"));
    }

    @Test
    void shouldExitWithTwoWhenTheServiceFindsAParameterWrong() throws IOException {
        write(ShippedRules.files());
        int exit = new RulesCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()))
                .run(List.of("simulate", "--dir", folder.toString(), "--url", service.toString(), "--sample", "none",
                        "--api-key", analystKey()));

        assertThat(exit, equalTo(RulesCommand.USAGE));
    }

    @Test
    void shouldExitWithTwoAndSayHowWithoutAKey() throws IOException {
        write(ShippedRules.files());
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new RulesCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                variable -> null)
                .run(List.of("simulate", "--dir", folder.toString(), "--url", service.toString()));

        assertThat(exit, equalTo(RulesCommand.USAGE));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("401"));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString(RulesCommand.API_KEY_VARIABLE));
    }

    private String analystKey() {
        return callers.issueKey(unique("cli-analyst"), Roles.ANALYST, null, "test").key();
    }

    private void write(Map<String, byte[]> files) throws IOException {
        for (var file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }
}
