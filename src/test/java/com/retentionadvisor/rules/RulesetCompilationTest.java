package com.retentionadvisor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** How a set of rule files becomes a ruleset, and how a broken one is reported. */
class RulesetCompilationTest {

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

        assertTrue(error.problems().stream().anyMatch(p -> p.startsWith("churn-signs/broken.drl:6:")), error.getMessage());
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

        Evaluation evaluation = ruleset.evaluate(com.retentionadvisor.facts.CustomerFacts.builder().build().forRules(), 100);

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

        assertThrows(IllegalStateException.class,
                () -> ruleset.evaluate(com.retentionadvisor.facts.CustomerFacts.builder().build().forRules(), 500));
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

        Evaluation quiet = ruleset.evaluate(com.retentionadvisor.facts.CustomerFacts.builder().unopenedEmailStreak(4).build().forRules(), 100);
        Evaluation unread = ruleset.evaluate(com.retentionadvisor.facts.CustomerFacts.builder().unopenedEmailStreak(5).build().forRules(), 100);

        assertTrue(quiet.all(ChurnSign.class).isEmpty());
        assertEquals("SPREADSHEET_SIGN", unread.all(ChurnSign.class).get(0).getCode());
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
        Ruleset shipped = Ruleset.load(Path.of("rules"));

        assertTrue(shipped.ruleNames().contains("Sales talk is at most 20% of all communication over 90 days"));
        assertTrue(shipped.ruleNames().stream().anyMatch(name -> name.startsWith("Exploration:")), "the decision table's rows are rules");
    }
}
