package com.retentionadvisor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.retentionadvisor.problems.RulesOverBudgetException;
import com.retentionadvisor.rulesets.ShippedRules;

/** How a set of rule files becomes a ruleset, and how a broken one is reported. */
class RulesetCompilationTest {

    private static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(5);

    private static final String A_RULE = """
            package retention;
            import com.retentionadvisor.facts.CustomerFacts;
            import com.retentionadvisor.rules.ChurnSign;
            rule "Every customer shows a sign"
            when
                CustomerFacts()
            then
                insert(new ChurnSign("ANY", 1));
            end
            """;

    private static SortedMap<String, byte[]> files(String... pathsAndContents) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    @Test
    void aRuleThatDoesNotCompileIsReportedWithItsFileAndLine() {
        String broken = A_RULE.replace("CustomerFacts()", "CustomerFacts( noSuchFact > 3 )");

        RulesetException error = assertThrows(RulesetException.class,
                () -> Ruleset.compile(files("churn-signs/broken.drl", broken)));

        assertTrue(error.problems().stream().anyMatch(p -> p.describe().startsWith("churn-signs/broken.drl:6:")), error.getMessage());
        assertTrue(error.getMessage().contains("noSuchFact"), error.getMessage());
    }

    @Test
    void aDecisionTableThatYieldsNoRulesFailsLoudly() {
        RulesetException error = assertThrows(RulesetException.class,
                () -> Ruleset.compile(files("ok.drl", A_RULE, "next-best-action/empty.csv", "RuleSet,retention\nNotes,nothing here\n")));

        assertTrue(error.getMessage().contains("next-best-action/empty.csv"), error.getMessage());
    }

    @Test
    void aFolderWithoutRulesIsNotARuleset() {
        assertThrows(RulesetException.class, () -> Ruleset.compile(files("messages.properties", "a=b")));
    }

    @Test
    void theVersionIsAHashOfTheContent() {
        Ruleset first = Ruleset.compile(files("a.drl", A_RULE));
        Ruleset same = Ruleset.compile(files("a.drl", A_RULE));
        Ruleset changed = Ruleset.compile(files("a.drl", A_RULE.replace("\"ANY\", 1", "\"ANY\", 2")));

        assertEquals(first.version(), same.version());
        assertNotEquals(first.version(), changed.version());
        assertTrue(first.version().matches("[0-9a-f]{12}"));
    }

    @Test
    void theOutcomeNamesTheRuleThatProducedIt() {
        Ruleset ruleset = Ruleset.compile(files("a.drl", A_RULE));

        Evaluation evaluation = ruleset.evaluate(com.retentionadvisor.facts.CustomerFacts.builder().build().forRules(), 100, BUDGET);

        assertEquals("Every customer shows a sign", evaluation.all(ChurnSign.class).get(0).getRule());
        assertEquals(java.util.List.of("Every customer shows a sign"), evaluation.firedRules());
    }

    @Test
    void aRuleThatLoopsIsStopped() {
        String looping = """
                package retention;
                import com.retentionadvisor.facts.CustomerFacts;
                import com.retentionadvisor.rules.ChurnSign;
                rule "Signs beget signs"
                when
                    ChurnSign()
                then
                    insert(new ChurnSign("MORE", 1));
                end
                rule "A first sign"
                when
                    CustomerFacts()
                then
                    insert(new ChurnSign("FIRST", 1));
                end
                """;
        Ruleset ruleset = Ruleset.compile(files("loop.drl", looping));

        RulesOverBudgetException stopped = assertThrows(RulesOverBudgetException.class,
                () -> ruleset.evaluate(com.retentionadvisor.facts.CustomerFacts.builder().build().forRules(), 500, BUDGET));
        assertTrue(stopped.getMessage().contains("a rule loops"), stopped.getMessage());
        assertEquals(ruleset.version(), stopped.rulesetVersion());
    }

    @Test
    void rulesThatRunPastTheirTimeBudgetAreStoppedNamingTheRuleset() {
        // Finite, but slow: a million steps per firing, and a firing for each of a thousand signs.
        String slow = """
                package retention;
                import com.retentionadvisor.facts.CustomerFacts;
                import com.retentionadvisor.rules.ChurnSign;
                import java.util.Collections;
                rule "Many signs"
                when
                    CustomerFacts()
                then
                    for (Integer n : Collections.nCopies(1000, 1)) { insert(new ChurnSign("S", n)); }
                end
                rule "Each sign is weighed slowly"
                when
                    $sign : ChurnSign()
                then
                    long sum = 0;
                    for (Integer n : Collections.nCopies(1000000, 1)) { sum += n; }
                    $sign.setWeight((int) (sum % 7));
                end
                """;
        Ruleset ruleset = Ruleset.compile(files("slow.drl", slow));

        RulesOverBudgetException stopped = assertThrows(RulesOverBudgetException.class,
                () -> ruleset.evaluate(com.retentionadvisor.facts.CustomerFacts.builder().build().forRules(), 100_000,
                        java.time.Duration.ofMillis(20)));

        assertTrue(stopped.getMessage().contains("took longer than 20 ms"), stopped.getMessage());
        assertTrue(stopped.getMessage().contains(ruleset.version()), stopped.getMessage());
    }

    @Test
    void loopsThatNeedNotEndAreRefusedWithTheirPlaceAndRule() {
        String loops = """
                package retention;
                import com.retentionadvisor.facts.CustomerFacts;
                import com.retentionadvisor.rules.ChurnSign;
                rule "Spins for one customer"
                when
                    CustomerFacts( $days : tenureDays )
                then
                    int i = $days;
                    while (i >= 0) { i = i % 7; }
                end
                rule "Counts"
                when
                    CustomerFacts()
                then
                    for (int i = 0; i < 10; i++) { insert(new ChurnSign("C", i)); }
                    do { } while (false);
                    for (ChurnSign walked : new java.util.ArrayList<ChurnSign>()) { }
                end
                """;

        RulesetException refused = assertThrows(RulesetException.class, () -> Ruleset.compile(files("churn-signs/loops.drl", loops)));

        java.util.List<String> found = refused.problems().stream()
                .map(p -> p.file() + ":" + p.line() + ":" + p.column() + " " + p.rule() + " " + p.message().substring(0, p.message().indexOf(' ')))
                .toList();
        assertEquals(java.util.List.of(
                "churn-signs/loops.drl:9:5 Spins for one customer 'while'",
                "churn-signs/loops.drl:15:5 Counts 'for'",
                "churn-signs/loops.drl:16:5 Counts 'do'",
                "churn-signs/loops.drl:16:12 Counts 'while'"), found);
    }

    @Test
    void codeThatCouldHideALoopIsRefused() {
        String hiding = """
                package retention;
                import com.retentionadvisor.facts.CustomerFacts;
                rule "Hides loops"
                when
                    CustomerFacts()
                then
                    Runnable spin = () -> { };
                    Object endless = new java.util.ArrayList<Object>() { };
                    until (false) { }
                    int \\u0077 = 1;
                    java.util.stream.IntStream.iterate(0, i -> i + 1);
                end
                """;

        RulesetException refused = assertThrows(RulesetException.class, () -> Ruleset.compile(files("churn-signs/hiding.drl", hiding)));

        java.util.List<String> found = refused.problems().stream().map(p -> p.line() + " " + p.message()).toList();
        assertTrue(found.stream().anyMatch(p -> p.startsWith("7 '->' is refused")), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.startsWith("8 'new java.util.ArrayList<Object>() {' is refused")), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.startsWith("9 'until' is refused")), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.startsWith("10 '\\u0077' is refused")), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.startsWith("11 java.util.stream.IntStream.iterate is refused")), found.toString());
    }

    @Test
    void functionsThatCallThemselvesAreRefused() {
        String recursive = """
                package retention;
                function int countdown(int n) { return n <= 0 ? 0 : countdown(n - 1); }
                function int ping(int n) { return pong(n); }
                function int pong(int n) { return ping(n); }
                function int fine(int n) { return n + 1; }
                """;

        RulesetException refused = assertThrows(RulesetException.class,
                () -> Ruleset.compile(files("a.drl", A_RULE, "churn-signs/functions.drl", recursive)));

        assertEquals(java.util.List.of(
                "churn-signs/functions.drl:2:14: the function 'countdown' is refused: it calls itself, and recursion need not end; walk a collection instead",
                "churn-signs/functions.drl:3:14: the function 'ping' is refused: it calls itself through pong, and recursion need not end; walk a collection instead",
                "churn-signs/functions.drl:4:14: the function 'pong' is refused: it calls itself through ping, and recursion need not end; walk a collection instead"),
                refused.problems().stream().map(com.retentionadvisor.problems.RuleProblem::describe).toList());
    }

    @Test
    void aSyntaxErrorIsPlacedAtItsLineColumnAndRuleOnce() {
        String broken = A_RULE.replace("then", "then then");

        RulesetException error = assertThrows(RulesetException.class, () -> Ruleset.compile(files("churn-signs/broken.drl", broken)));

        com.retentionadvisor.problems.RuleProblem first = error.problems().get(0);
        assertEquals("churn-signs/broken.drl", first.file());
        assertEquals(8, first.line(), first.toString());
        assertTrue(first.column() != null && first.column() >= 1, first.toString());
        assertEquals("Every customer shows a sign", first.rule());
        assertTrue(!first.message().contains("Line 7:"), "the place is said once, in the fields: " + first.message());
    }

    @Test
    void aSpreadsheetDecisionTableBecomesRules() throws java.io.IOException {
        byte[] xlsx = spreadsheet(
                new String[] {"RuleSet", "retention"},
                new String[] {"Import", "com.retentionadvisor.facts.CustomerFacts, com.retentionadvisor.rules.ChurnSign"},
                new String[] {},
                new String[] {"RuleTable Signs from a spreadsheet"},
                new String[] {"CONDITION", "ACTION"},
                new String[] {"CustomerFacts", ""},
                new String[] {"unopenedEmailStreak >= $param", "insert(new ChurnSign(\"$param\", 10));"},
                new String[] {"Streak at least", "Sign"},
                new String[] {"5", "SPREADSHEET_SIGN"});
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("churn-signs/table.xlsx", xlsx);
        Ruleset ruleset = Ruleset.compile(files);

        Evaluation quiet = ruleset.evaluate(com.retentionadvisor.facts.CustomerFacts.builder().unopenedEmailStreak(4).build().forRules(), 100, BUDGET);
        Evaluation unread = ruleset.evaluate(com.retentionadvisor.facts.CustomerFacts.builder().unopenedEmailStreak(5).build().forRules(), 100, BUDGET);

        assertTrue(quiet.all(ChurnSign.class).isEmpty());
        assertEquals("SPREADSHEET_SIGN", unread.all(ChurnSign.class).get(0).getCode());
    }

    @Test
    void eachRuleSaysWhichFactsItReadsAndWhatItMayConclude() throws java.io.IOException {
        String drl = """
                package retention;
                import com.retentionadvisor.facts.CustomerFacts;
                import com.retentionadvisor.facts.ContactWindow;
                import com.retentionadvisor.rules.ChurnSign;
                import com.retentionadvisor.rules.ContactRefusal;
                declare Limit
                    most : int
                end
                rule "Quiet and long-standing"
                when
                    CustomerFacts( tenureDays > 400, $segment : segment )
                    ContactWindow( days == 30, contacts < 2 )
                    not Limit( most < 1 )
                then
                    insert(new ChurnSign("QUIET", 1));
                end
                rule "Reads nothing"
                when
                then
                    insert(new ContactRefusal("NEVER"));
                end
                """;
        byte[] table = spreadsheet(
                new String[] {"RuleSet", "retention"},
                new String[] {"Import", "com.retentionadvisor.facts.CustomerFacts, com.retentionadvisor.rules.ChurnSign"},
                new String[] {},
                new String[] {"RuleTable Streaks"},
                new String[] {"CONDITION", "ACTION"},
                new String[] {"CustomerFacts", ""},
                new String[] {"unopenedEmailStreak >= $param", "insert(new ChurnSign(\"$param\", 10));"},
                new String[] {"Streak at least", "Sign"},
                new String[] {"5", "STREAK"});
        SortedMap<String, byte[]> files = files("churn-signs/quiet.drl", drl);
        files.put("churn-signs/streaks.drl.xlsx", table);

        java.util.List<RuleAnatomy> anatomy = Ruleset.compile(files).anatomy();

        assertEquals(3, anatomy.size(), anatomy.toString());
        RuleAnatomy quiet = anatomy.stream().filter(rule -> rule.rule().equals("Quiet and long-standing")).findFirst().orElseThrow();
        assertEquals("churn-signs/quiet.drl", quiet.file());
        assertEquals(java.util.List.of("ContactWindow(30 days).contacts", "ContactWindow(30 days).days", "CustomerFacts.segment",
                "CustomerFacts.tenureDays"),
                quiet.reads());
        assertEquals(java.util.List.of("ChurnSign"), quiet.concludes());
        RuleAnatomy nothing = anatomy.stream().filter(rule -> rule.rule().equals("Reads nothing")).findFirst().orElseThrow();
        assertEquals(java.util.List.of(), nothing.reads());
        assertEquals(java.util.List.of("ContactRefusal"), nothing.concludes());
        RuleAnatomy fromTable = anatomy.stream().filter(rule -> rule.file().endsWith(".xlsx")).findFirst().orElseThrow();
        assertEquals("churn-signs/streaks.drl.xlsx", fromTable.file());
        assertEquals(java.util.List.of("CustomerFacts.unopenedEmailStreak"), fromTable.reads());
    }

    private static byte[] spreadsheet(String[]... rows) throws java.io.IOException {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Rules");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theShippedRulesCompile() {
        Ruleset shipped = Ruleset.load(ShippedRules.folder());
        List<String> written = ShippedRules.drlRuleNames();

        assertTrue(shipped.ruleNames().containsAll(written), () -> "the DRL files' rules: " + shipped.ruleNames());
        assertTrue(shipped.ruleNames().size() > written.size(), "the decision tables' rows are rules too");
    }
}
