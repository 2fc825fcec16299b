package com.retentionadvisor.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weights table, risk-levels/sign-weights.drl.csv: the base points every customer starts at, and one row per sign
 * or strength with its points and what they rest on. Read from the table an analyst keeps, written back by a
 * calibration in the same layout, so that a proposal differs from the current table only where the numbers do.
 */
final class SignWeightsTable {

    static final String PATH = "risk-levels/sign-weights.drl.csv";

    /** One row: the code, its points, and the note on what they rest on (the table's last column). */
    record Row(String code, int points, String note) {
    }

    private final int basePoints;
    private final Map<String, Row> rows;

    SignWeightsTable(int basePoints, Map<String, Row> rows) {
        this.basePoints = basePoints;
        this.rows = rows;
    }

    /** The name of the rule a row of the table becomes: what an advice shows as a sign's weightRule. */
    static String ruleName(String code) {
        return "Weight of " + code;
    }

    /** The name of the base points' rule. */
    static final String BASE_RULE = "Every customer starts at the base points";

    int basePoints() {
        return basePoints;
    }

    /** The rows by code, in the table's order. */
    Map<String, Row> rows() {
        return rows;
    }

    /** Reads the table; an unreadable or missing one reads as base 0 and no rows (everything then weighs nothing). */
    static SignWeightsTable read(Optional<String> csv) {
        if (csv.isEmpty()) {
            return new SignWeightsTable(0, Map.of());
        }
        int basePoints = 0;
        Map<String, Row> rows = new LinkedHashMap<>();
        boolean inBase = false;
        boolean inWeights = false;
        for (String line : csv.get().split("\r?\n")) {
            List<String> cells = cells(line);
            if (cells.get(0).equals("Rule name")) {
                inBase = cells.size() > 1 && cells.get(1).equals("Points");
                inWeights = cells.contains("Sign or strength");
                continue;
            }
            if (inBase && cells.size() > 1 && cells.get(1).matches("-?\\d+")) {
                basePoints = Integer.parseInt(cells.get(1));
                inBase = false;
            }
            if (inWeights && cells.size() >= 3 && !cells.get(1).isBlank() && cells.get(2).matches("-?\\d+")) {
                rows.put(cells.get(1), new Row(cells.get(1), Integer.parseInt(cells.get(2)), cells.size() > 3 ? cells.get(3) : ""));
            }
        }
        return new SignWeightsTable(basePoints, rows);
    }

    /** The table as a decision table file: base points first, then a row per code. */
    String write(String notes) {
        StringBuilder csv = new StringBuilder();
        csv.append("RuleSet,retention,,,\n");
        csv.append("Import,com.retentionadvisor.rules.Sign,,,\n");
        csv.append("Notes,").append(quoted(notes)).append(",,,\n");
        csv.append(",,,,\n");
        csv.append("RuleTable Base points,,,,\n");
        csv.append("NAME,ACTION,,,\n");
        csv.append(",,,,\n");
        csv.append(",insert(new ScoreBase($param));,,,\n");
        csv.append("Rule name,Points,,,\n");
        csv.append(BASE_RULE).append(',').append(basePoints).append(",,,\n");
        csv.append(",,,,\n");
        csv.append("RuleTable Sign weights,,,,\n");
        csv.append("NAME,CONDITION,ACTION,DESCRIPTION,\n");
        csv.append(",$sign : Sign,,,\n");
        csv.append(",\"code == \"\"$param\"\"\",modify($sign) { setWeight($param) };,,\n");
        csv.append("Rule name,Sign or strength,Points,What the points rest on,\n");
        rows.values().forEach(row -> csv.append(ruleName(row.code())).append(',').append(row.code()).append(',')
                .append(row.points()).append(',').append(quoted(row.note())).append(",\n"));
        return csv.toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    // One line of CSV: cells split at commas outside quotes, "" inside quotes is one quote.
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
