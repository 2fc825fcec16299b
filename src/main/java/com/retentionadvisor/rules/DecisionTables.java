package com.retentionadvisor.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.ActionType;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.Rule;
import org.drools.template.parser.DataListener;
import org.kie.api.builder.Message;

import com.retentionadvisor.problems.RuleProblem;

/**
 * The decision tables of one ruleset (.csv, or the first sheet of an .xlsx, which is all Drools reads), turned into
 * DRL by Drools. Each table keeps the cells it was read from, so that a problem with it is told in the coordinates an
 * analyst sees in a spreadsheet program: file, sheet, row and column, never a line of the DRL generated from it.
 */
final class DecisionTables {

    // Drools names the cell it blames: "in cell E5", "Data cell D9", "at cell B6", "in cells [B2, B3]".
    private static final Pattern CELL_NAMED = Pattern.compile("\\bcells? \\[?([A-Z]{1,3}[1-9][0-9]*)\\b");
    // A parser message's "Line 10:29" counts lines of the generated DRL, which nobody sees.
    private static final Pattern GENERATED_LINE = Pattern.compile("\\bLine \\d+:\\d+ ");
    private static final String RULE_LINE = "rule \"";

    private final Map<String, Table> byDrlPath = new HashMap<>();

    /** Where, under rules/, the DRL generated from the table at this path is compiled. */
    static String drlPath(String tablePath) {
        return tablePath + ".drl";
    }

    /** The DRL of the table at this path under rules/; null when Drools cannot read it, with the problem added. */
    String toDrl(String path, byte[] content, List<RuleProblem> problems) {
        Cells cells = new Cells();
        DefaultRuleSheetListener rules = new DefaultRuleSheetListener();
        // The cells are recorded before Drools sees them, so that a failure is known to come from the cell just read.
        List<DataListener> listeners = List.of(cells, rules);
        String sheet = null;
        try {
            if (path.endsWith(".csv")) {
                InputType.CSV.createParser(listeners).parseFile(new ByteArrayInputStream(content));
            } else {
                try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
                    sheet = workbook.getSheetAt(0).getSheetName();
                    new ExcelParser(listeners).parseWorkbook(workbook);
                }
            }
            String drl = new SpreadsheetCompiler().listenerToString(rules);
            if (drl == null || !drl.contains(RULE_LINE)) {
                problems.add(new Place(path, sheet)
                        .problem("the decision table yields no rules (is there a 'RuleTable' header row?)"));
                return null;
            }
            byDrlPath.put(drlPath(path), new Table(path, sheet, cells, rules.getRuleSet().getRules(), drl.lines().toList()));
            return drl;
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? "the table cannot be read" : e.getMessage().strip();
            Matcher named = CELL_NAMED.matcher(message);
            CellReference cell = named.find() ? new CellReference(named.group(1)) : cells.reading;
            problems.add(new Place(path, sheet).at(cell).problem(message));
            return null;
        }
    }

    /** The compiler's message about the rules generated from a table (at drlPath under rules/), told in the table's cells. */
    Optional<RuleProblem> describe(String drlPath, Message message) {
        Table table = byDrlPath.get(drlPath);
        if (table == null) {
            return Optional.empty();
        }
        String text = GENERATED_LINE.matcher(message.getText().strip()).replaceAll("");
        return Optional.of(table.problemAt(message.getLine(), text));
    }

    /** A problem found at a line of the DRL made from the table at this path (already read), told in the table's cells. */
    RuleProblem problemAt(String tablePath, int line, String problem) {
        return byDrlPath.get(drlPath(tablePath)).problemAt(line, problem);
    }

    /** Where in a table a problem is: the file, its sheet (none for .csv) and, when it can be told, a cell or a row. */
    private record Place(String path, String sheet, int row, int column) {

        Place(String path, String sheet) {
            this(path, sheet, -1, -1);
        }

        Place at(CellReference cell) {
            return cell == null ? this : new Place(path, sheet, cell.getRow(), cell.getCol());
        }

        Place at(int row, int column) {
            return new Place(path, sheet, row, column);
        }

        /** The problem at this place, its row and cell counted as a spreadsheet program shows them ("row 12", "E12"). */
        RuleProblem problem(String problem) {
            return RuleProblem.inTable(path, sheet, row >= 0 ? row + 1 : null,
                    row >= 0 && column >= 0 ? CellReference.convertNumToColString(column) + (row + 1) : null, problem);
        }
    }

    /** One table read: its cells, the rules Drools made of its rows and the lines of the DRL it generated. */
    private record Table(String path, String sheet, Cells cells, List<Rule> rules, List<String> drl) {

        /**
         * A compiler message at a line of the generated DRL, placed at the row (and the column, if one can be told) it
         * is about, and named by the rule made from that row.
         */
        RuleProblem problemAt(int line, String problem) {
            Place table = new Place(path, sheet);
            String failingLine = line >= 1 && line <= drl.size() ? drl.get(line - 1) : "";
            int rule = ruleAt(line);
            if (rule >= 0) {
                int row = rules.get(rule).getSpreadsheetRowNumber() - 1;
                // A consequence that does not compile is reported at its rule's first line, which holds only the name.
                String quoted = failingLine.startsWith(RULE_LINE) ? problem : problem + "\n" + failingLine;
                return table.at(row, cells.columnQuotedIn(row, quoted)).problem(problem).inRule(rules.get(rule).getName());
            }
            // Without a line, the row is the one whose cells the message quotes, if only one row's do.
            List<Rule> quotingRules = rules.stream()
                    .filter(r -> !cells.columnsQuotedIn(r.getSpreadsheetRowNumber() - 1, problem).isEmpty())
                    .toList();
            if (quotingRules.size() == 1) {
                int row = quotingRules.get(0).getSpreadsheetRowNumber() - 1;
                return table.at(row, cells.columnQuotedIn(row, problem)).problem(problem).inRule(quotingRules.get(0).getName());
            }
            return table.problem(problem);
        }

        /** The index of the rule whose text holds this line of the generated DRL, or -1 (header, or no line). */
        private int ruleAt(int line) {
            int rule = -1;
            for (int i = 0; i < Math.min(line, drl.size()); i++) {
                if (drl.get(i).startsWith(RULE_LINE)) {
                    rule++;
                }
            }
            return rule < rules.size() ? rule : -1;
        }
    }

    /** Every cell as Drools read it (rows and columns from 0), the rule tables' header rows, and the cell being read. */
    private static final class Cells implements DataListener {

        private final Map<Integer, Map<Integer, String>> rows = new TreeMap<>();
        private final List<Integer> tableRows = new ArrayList<>();
        private CellReference reading;

        @Override
        public void startSheet(String name) {
            // The sheet's name comes from the workbook: Drools does not pass it for .xlsx.
        }

        @Override
        public void finishSheet() {
            reading = null;
        }

        @Override
        public void newRow(int row, int columns) {
            reading = null;
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (value == null || value.isBlank()) {
                return;
            }
            reading = new CellReference(row, column);
            rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value.strip());
            String tag = value.strip().toLowerCase();
            String ruleTable = DefaultRuleSheetListener.RULE_TABLE_TAG;
            if (tag.equals(ruleTable) || tag.startsWith(ruleTable + " ")) {
                tableRows.add(row);
            }
        }

        /** The one column of the row whose value the text quotes, or -1 when none does or it is not clear which. */
        int columnQuotedIn(int row, String text) {
            List<Integer> columns = columnsQuotedIn(row, text);
            if (columns.size() > 1) {
                // Several values appear ("7" for days and for contacts): keep those whose own code line appears.
                columns = columns.stream().filter(column -> text.contains(codeOf(row, column))).toList();
            }
            return columns.size() == 1 ? columns.get(0) : -1;
        }

        /** The code columns (CONDITION, ACTION) of the row whose values appear in the text as a whole word. */
        List<Integer> columnsQuotedIn(int row, String text) {
            int tableRow = tableRowOf(row);
            return rows.getOrDefault(row, Map.of()).entrySet().stream()
                    .filter(cell -> tableRow >= 0 && holdsCode(tableRow, cell.getKey()))
                    .filter(cell -> quotes(text, cell.getValue()))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        // Every word of the value, as a whole word: Java tells "two contacts" as "two cannot be resolved" and "contacts".
        private static boolean quotes(String text, String value) {
            return Arrays.stream(value.split("\\s+"))
                    .allMatch(word -> Pattern.compile("(?<!\\w)" + Pattern.quote(word) + "(?!\\w)").matcher(text).find());
        }

        /** The code of a column with the row's value in place of $param, as it appears in the generated DRL. */
        private String codeOf(int row, int column) {
            String code = cell(tableRowOf(row) + 3, column);
            return code.replace("$param", cell(row, column));
        }

        // A table's rows: its "RuleTable" row, then the column kinds, the object types, the code and the labels.
        private boolean holdsCode(int tableRow, int column) {
            String header = cell(tableRow + 1, column).toUpperCase();
            Map<String, ActionType.Code> codes = ActionType.getTag2code();
            ActionType.Code code = header.isEmpty() ? null : codes.getOrDefault(header, codes.get(header.substring(0, 1)));
            return code == ActionType.Code.CONDITION || code == ActionType.Code.ACTION;
        }

        private int tableRowOf(int row) {
            return tableRows.stream().filter(tableRow -> tableRow < row).reduce((first, last) -> last).orElse(-1);
        }

        private String cell(int row, int column) {
            return rows.getOrDefault(row, Map.of()).getOrDefault(column, "");
        }
    }
}
