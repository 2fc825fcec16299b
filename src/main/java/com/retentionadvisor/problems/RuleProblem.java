package com.retentionadvisor.problems;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a ruleset, with the place an analyst finds it in, as far as it can be told: the file (its path
 * under rules/), a line and column of a DRL file (from 1), the sheet, row (from 1) and cell ("E12") of a decision table,
 * the rule it concerns, the scenario that failed, and what is wrong. {@link #describe()} tells it in one line, the way a
 * compiler does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleProblem(
        @Schema(description = "The file's path under rules/, e.g. churn-signs/signs.drl or tests/stage.yaml") String file,
        @Schema(description = "The line in a DRL or scenario file, from 1") Integer line,
        @Schema(description = "The column in a DRL file, from 1") Integer column,
        @Schema(description = "The sheet of a spreadsheet decision table") String sheet,
        @Schema(description = "The row of a decision table as a spreadsheet program numbers it, from 1") Integer row,
        @Schema(description = "The cell of a decision table, column letter and row, e.g. E12") String cell,
        @Schema(description = "The rule the problem is in, when it can be told") String rule,
        @Schema(description = "The scenario that failed") String scenario,
        @Schema(description = "What is wrong", required = true) String message) {

    /** A problem with the ruleset as a whole, or with a file when {@code file} is given (null otherwise). */
    public static RuleProblem inFile(String file, String message) {
        return new RuleProblem(file, null, null, null, null, null, null, null, message);
    }

    /** A problem at a line (from 1) of a DRL or YAML file, and a column (from 1) when one can be told. */
    public static RuleProblem atLine(String file, int line, Integer column, String message) {
        return new RuleProblem(file, line, column, null, null, null, null, null, message);
    }

    /** A problem in a decision table: its sheet (none for .csv), and the row and cell when they can be told. */
    public static RuleProblem inTable(String file, String sheet, Integer row, String cell, String message) {
        return new RuleProblem(file, null, null, sheet, row, cell, null, null, message);
    }

    /** A scenario (in tests/) that does not conclude what it expects, or cannot be run as written. */
    public static RuleProblem inScenario(String file, Integer line, String scenario, String message) {
        return new RuleProblem(file, line, null, null, null, null, null, scenario, message);
    }

    /** The same problem, said to concern the named rule. */
    public RuleProblem inRule(String ruleName) {
        return new RuleProblem(file, line, column, sheet, row, cell, ruleName, scenario, message);
    }

    /**
     * The problem in one line, as a compiler prints it: {@code churn-signs/signs.drl:32:5: message}, {@code
     * contact-policy/caps.drl.xlsx: sheet 'Contact caps', row 12, column E: message}, {@code tests/stage.yaml:14:
     * scenario 'A new customer is aware': message}.
     */
    public String describe() {
        StringBuilder where = new StringBuilder(file == null ? "" : file);
        if (line != null) {
            where.append(':').append(line);
            if (column != null) {
                where.append(':').append(column);
            }
        }
        List<String> inside = new ArrayList<>();
        if (sheet != null) {
            inside.add("sheet '" + sheet + "'");
        }
        if (row != null) {
            inside.add("row " + row);
        }
        if (cell != null) {
            inside.add("column " + cell.replaceAll("[0-9]", ""));
        }
        if (scenario != null) {
            inside.add("scenario '" + scenario + "'");
        }
        String place = where + (where.isEmpty() || inside.isEmpty() ? "" : ": ") + String.join(", ", inside);
        return place.isEmpty() ? message : place + ": " + message;
    }
}
