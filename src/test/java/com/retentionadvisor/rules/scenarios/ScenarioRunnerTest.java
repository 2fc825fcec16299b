package com.retentionadvisor.rules.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.retentionadvisor.rules.Ruleset;

/** How the runner reads scenario files and reports differences, against a small ruleset of its own. */
class ScenarioRunnerTest {

    private static final String RULES = """
            package retention;
            import com.retentionadvisor.contacts.Purpose;
            import com.retentionadvisor.facts.ContactWindow;
            import com.retentionadvisor.facts.CustomerFacts;
            import com.retentionadvisor.facts.GlobalCondition;
            import com.retentionadvisor.rules.ChurnSign;
            import com.retentionadvisor.rules.ContactIntent;
            import com.retentionadvisor.rules.ContactRefusal;

            rule "A detractor shows a sign"
            when
                CustomerFacts( latestNps != null, latestNps <= 6 )
            then
                insert(new ChurnSign("NPS_DETRACTOR", 30));
            end

            rule "Sales calls are refused after 2 contacts in 7 days"
            when
                ContactIntent( purpose == Purpose.SALES )
                ContactWindow( days == 7, contacts >= 2 )
            then
                insert(new ContactRefusal("BUSY_WEEK"));
            end

            rule "A deep detractor gets a call"
            when
                CustomerFacts( latestNps != null, latestNps <= 2 )
            then
                insert(new com.retentionadvisor.rules.ActionCandidate("CALL", Purpose.VALUE, 70, "DETRACTOR"));
            end

            rule "A market crisis is a sign"
            when
                GlobalCondition( name == "MARKET_CRISIS" )
            then
                insert(new ChurnSign("MARKET_CRISIS", 10));
            end
            """;

    private static ScenarioRunner runner;

    @TempDir
    Path folder;

    @BeforeAll
    static void compileRules() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("test.drl", RULES.getBytes(StandardCharsets.UTF_8));
        runner = new ScenarioRunner(Ruleset.compile(files), 1_000, java.time.Duration.ofSeconds(5));
    }

    @Test
    void scenarioThatHoldsPasses() throws IOException {
        write("signs.yaml", """
                - name: A detractor
                  given:
                    latestNps: 4
                  expect:
                    signs: [NPS_DETRACTOR]
                    firedRulesInclude: [A detractor shows a sign]
                """);

        ScenarioResult result = only(runner.runAll(folder));

        assertTrue(result.passed(), result::describe);
        assertEquals("signs.yaml › A detractor", result.displayName());
        assertEquals(List.of("A detractor shows a sign"), result.firedRules());
    }

    @Test
    void failingScenarioReportsTheDifferenceInWords() throws IOException {
        write("signs.yaml", """
                - name: A detractor who also ignores emails
                  given:
                    latestNps: 4
                  expect:
                    signs: [NPS_DETRACTOR, EMAILS_UNOPENED]
                    noSigns: true
                """);

        ScenarioResult result = only(runner.runAll(folder));

        assertEquals(List.of(
                "expected signs [EMAILS_UNOPENED, NPS_DETRACTOR] but got [NPS_DETRACTOR]",
                "expected no signs but got [NPS_DETRACTOR]"), result.failures());
    }

    @Test
    void rulesThatMustNotFireAndActionPrioritiesAreChecked() throws IOException {
        write("actions.yaml", """
                - name: A promoter gets no call
                  given:
                    latestNps: 9
                  expect:
                    firedRulesAbsent: [A deep detractor gets a call, A detractor shows a sign]
                - name: A deep detractor's call, said wrongly
                  given:
                    latestNps: 1
                  expect:
                    firedRulesAbsent: [A deep detractor gets a call, No such rule]
                    priorities: {CALL: 90, SURVEY: 10}
                """);

        List<ScenarioResult> results = runner.runAll(folder);

        assertTrue(results.get(0).passed(), results.get(0)::describe);
        assertEquals(List.of(
                "expected rule \"A deep detractor gets a call\" not to fire but it did",
                "expected rule \"No such rule\" not to fire but no rule has that name",
                "expected action CALL with priority 90 but got 70",
                "expected action SURVEY with priority 10 but it was not proposed"), results.get(1).failures());
    }

    @Test
    void contactsAndTheCheckedContactReachTheRules() throws IOException {
        write("contacts.yaml", """
                - name: Two calls this week refuse a sales call
                  given:
                    contacts:
                      - {daysAgo: 1, direction: INBOUND, channel: PHONE, purpose: SERVICE}
                      - {daysAgo: 6.9, direction: OUTBOUND, channel: EMAIL, purpose: VALUE}
                  check: {channel: PHONE, purpose: SALES}
                  expect:
                    refusals: [BUSY_WEEK]
                - name: A contact exactly 7 days old is outside the week
                  given:
                    contacts:
                      - {daysAgo: 1, direction: INBOUND, channel: PHONE, purpose: SERVICE}
                      - {daysAgo: 7, direction: OUTBOUND, channel: EMAIL, purpose: VALUE, count: 5}
                  check: {channel: PHONE, purpose: SALES}
                  expect:
                    allowed: true
                - name: Without a check, the contact is any proactive one
                  given:
                    contacts:
                      - {daysAgo: 1, direction: INBOUND, channel: PHONE, purpose: SERVICE, count: 2}
                  expect:
                    allowed: false
                """);

        List<ScenarioResult> results = runner.runAll(folder);

        assertEquals(List.of(true, true, false), results.stream().map(ScenarioResult::passed).toList());
        assertEquals(List.of("expected the contact to be refused but it was allowed"), results.get(2).failures());
    }

    @Test
    void globalFactsReachTheRulesAsGlobalConditions() throws IOException {
        write("global.yaml", """
                - name: In a market crisis
                  given:
                    globalFacts: [MARKET_CRISIS]
                  expect:
                    signs: [MARKET_CRISIS]
                    firedRulesInclude: [A market crisis is a sign]
                - name: Another global fact is not the crisis
                  given:
                    globalFacts: [HOLIDAY_SEASON]
                  expect:
                    noSigns: true
                - name: No global fact set
                  given:
                    globalFacts: []
                  expect:
                    noSigns: true
                - name: Without globalFacts there is no crisis
                  given:
                    latestNps: 8
                  expect:
                    noSigns: true
                - name: A global fact name in the wrong spelling
                  given:
                    globalFacts: [market crisis]
                  expect:
                    noSigns: false
                - name: A single global fact not written as a list
                  given:
                    globalFacts: MARKET_CRISIS
                  expect:
                    noSigns: false
                """);

        List<ScenarioResult> results = runner.runAll(folder);

        assertEquals(List.of(true, true, true, true, false, false), results.stream().map(ScenarioResult::passed).toList(),
                () -> results.stream().map(ScenarioResult::describe).toList().toString());
        assertEquals(List.of("A market crisis is a sign"), results.get(0).firedRules());
        assertEquals(List.of("'market crisis' is not a valid value for given.globalFacts[1]: expected a global fact name, "
                + "capitals, digits and _, e.g. MARKET_CRISIS"), results.get(4).failures());
        assertEquals(List.of("given.globalFacts: expected a list of global fact names, e.g. [MARKET_CRISIS]"), results.get(5).failures());
    }

    @Test
    void unknownFactFailsNamingFileScenarioAndFact() throws IOException {
        write("signs.yaml", """
                - name: A detractor, misspelt
                  given:
                    lastestNps: 4
                  expect:
                    noSigns: false
                """);

        String report = only(runner.runAll(folder)).describe();

        assertTrue(report.startsWith("signs.yaml › A detractor, misspelt:"), report);
        assertTrue(report.contains("unknown fact 'given.lastestNps'"), report);
        assertTrue(report.contains("latestNps"), "lists the facts there are: " + report);
        assertTrue(report.contains("globalFacts"), "lists the global facts key too: " + report);
    }

    @Test
    void unknownExpectationFailsNamingTheField() throws IOException {
        write("signs.yaml", """
                - name: A detractor
                  given:
                    latestNps: 4
                  expect:
                    sign: [NPS_DETRACTOR]
                """);

        ScenarioResult result = only(runner.runAll(folder));

        assertEquals("signs.yaml › A detractor", result.displayName());
        assertTrue(result.failures().get(0).startsWith("unknown field 'expect.sign'; the fields allowed there are [actions, "),
                result::describe);
    }

    @Test
    void valueOfTheWrongKindFailsNamingTheFieldAndWhatFits() throws IOException {
        write("values.yaml", """
                - name: A score with a fraction
                  given:
                    latestNps: 4.5
                  expect:
                    noSigns: false
                - name: An unknown risk level
                  expect:
                    riskLevel: HUGE
                - name: A contact without a direction
                  given:
                    contacts:
                      - {daysAgo: 1, channel: PHONE, purpose: SERVICE}
                  expect:
                    allowed: true
                """);

        List<String> failures = runner.runAll(folder).stream().map(r -> r.failures().get(0)).toList();

        assertEquals(List.of(
                "'4.5' is not a valid value for given.latestNps: expected a whole number",
                "'HUGE' is not a valid value for expect.riskLevel: expected one of LOW, MEDIUM, HIGH, CRITICAL",
                "given.contacts[1] needs daysAgo, direction, channel and purpose (count is 1 unless given)"), failures);
    }

    @Test
    void scenarioThatExpectsNothingFails() throws IOException {
        write("empty.yaml", """
                - name: Just facts
                  given:
                    latestNps: 4
                """);

        assertEquals(List.of("expect is missing: say what the rules should conclude"), only(runner.runAll(folder)).failures());
    }

    @Test
    void fileThatIsNotAListOfScenariosFailsAsAWhole() throws IOException {
        write("broken.yaml", """
                name: A detractor
                given:
                  latestNps: 4
                """);

        ScenarioResult result = only(runner.runAll(folder));

        assertEquals("broken.yaml › " + ScenarioRunner.WHOLE_FILE, result.displayName());
        assertEquals(List.of("a scenario file is a list of scenarios, each starting with '- name:'"), result.failures());
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(folder.resolve(name), yaml);
    }

    private static ScenarioResult only(List<ScenarioResult> results) {
        assertEquals(1, results.size(), () -> "expected one result but got " + results);
        return results.get(0);
    }
}
