package com.retentionadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule files with known numbers for the Java tests (src/test/resources/fixture-rules): laid over the shipped rules as a
 * candidate, they make scores that a test can compute by hand, whatever the analysts have since made of the shipped
 * weights and bands. Weights: base 0, NPS_DETRACTOR 30, OPEN_COMPLAINT 30, EMAILS_UNOPENED 20, every other sign 0;
 * bands of every segment: LOW below 20, MEDIUM from 20, HIGH from 45, CRITICAL from 70.
 */
public final class FixtureRules {

    public static final String WEIGHTS = "risk-levels/sign-weights.drl.csv";
    public static final String BANDS = "risk-levels/bands-by-segment.drl.csv";
    private static final Path FOLDER = Path.of("src/test/resources/fixture-rules");

    private FixtureRules() {
    }

    /** The marker's code: a sign that only customers whose id starts with {@value #MARKED_PREFIX} show. */
    public static final String MARKER = "FIXTURE_MARKER";
    public static final String MARKED_PREFIX = "FIXTURE-";
    public static final String MARKER_RULE = "churn-signs/fixture-marker.drl";
    /** The name of the marker's rule, as its file names it. */
    public static final String MARKER_RULE_NAME = "Fixture: a customer whose id starts with FIXTURE- shows the fixture marker";
    public static final String MARKER_SCENARIO = "tests/fixture-marker.yaml";

    /**
     * The given rule files with the fixture marker added: its rule, its scenario, its text, and a row of the weights
     * table giving it {@code points} (appended to the given table, whatever its other rows say). A change whose effect
     * a test knows, that passes the shipped scenarios whatever they pin.
     */
    public static Map<String, byte[]> withMarker(Map<String, byte[]> files, int points) {
        Map<String, byte[]> changed = new TreeMap<>(files);
        changed.put(MARKER_RULE, read(MARKER_RULE).getBytes(StandardCharsets.UTF_8));
        changed.put(MARKER_SCENARIO, read(MARKER_SCENARIO).getBytes(StandardCharsets.UTF_8));
        String weights = new String(files.get(WEIGHTS), StandardCharsets.UTF_8);
        changed.put(WEIGHTS, (weights.endsWith("\n") ? weights : weights + "\n").concat("Weight of " + MARKER + "," + MARKER + "," + points
                + ",fixture,\n").getBytes(StandardCharsets.UTF_8));
        String messages = new String(files.get("messages.properties"), StandardCharsets.UTF_8);
        changed.put("messages.properties", (messages + "\nsign." + MARKER + "=The fixture's marker\n").getBytes(StandardCharsets.UTF_8));
        return changed;
    }

    /** The fixture's team action: only customers whose id starts with {@value #MARKED_PREFIX} are given it. */
    public static final String TEAM_ACTION = "FIXTURE_TEAM_ACTION";
    /** The team the fixture's terms give {@link #TEAM_ACTION} to, due within {@value #TEAM_ACTION_DUE_DAYS} days. */
    public static final String TEAM = "FIXTURE_DESK";
    public static final int TEAM_ACTION_DUE_DAYS = 3;
    private static final String TEAM_ACTION_RULE = "next-best-action/fixture-team-action.drl";
    private static final String TEAM_ACTION_SCENARIO = "tests/fixture-team-action.yaml";
    private static final String TERMS = "next-best-action/action-terms.drl.csv";

    /**
     * The given rule files with the fixture's team action added: its rule, its scenario, its texts, and a row of the
     * action terms (appended to the given table, whatever its other rows say) giving it to {@value #TEAM}.
     */
    public static Map<String, byte[]> withATeamAction(Map<String, byte[]> files) {
        Map<String, byte[]> changed = new TreeMap<>(files);
        changed.put(TEAM_ACTION_RULE, read(TEAM_ACTION_RULE).getBytes(StandardCharsets.UTF_8));
        changed.put(TEAM_ACTION_SCENARIO, read(TEAM_ACTION_SCENARIO).getBytes(StandardCharsets.UTF_8));
        String terms = new String(files.get(TERMS), StandardCharsets.UTF_8);
        // A copy of the row of action * (whatever other columns the table has), for the fixture's action and team.
        String[] row = terms.lines().map(line -> line.split(",", -1)).filter(cells -> cells.length > 3 && "*".equals(cells[1]))
                .findFirst().orElseThrow(() -> new IllegalStateException(TERMS + " has no row for action *"));
        row[0] = "Fixture terms: the fixture's team action goes to " + TEAM;
        row[1] = TEAM_ACTION;
        row[2] = TEAM;
        row[3] = String.valueOf(TEAM_ACTION_DUE_DAYS);
        changed.put(TERMS, (terms.endsWith("\n") ? terms : terms + "\n").concat(String.join(",", row) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        String messages = new String(files.get("messages.properties"), StandardCharsets.UTF_8);
        changed.put("messages.properties", (messages + "\naction." + TEAM_ACTION + "=The team action of the fixture\nreason."
                + TEAM_ACTION + "=The fixture gives it\n").getBytes(StandardCharsets.UTF_8));
        return changed;
    }

    /** A scenario file that contradicts the marker's rule: laid over {@link #withMarker}, its scenario fails. */
    public static final String CONTRADICTING_SCENARIO = "tests/fixture-marker-contradicted.yaml";
    public static final String CONTRADICTING_SCENARIO_NAME = "A customer whose id starts with FIXTURE- shows no marker";

    /** {@link #withMarker} with a scenario that says the marked customers show no marker: every scenario run fails it. */
    public static Map<String, byte[]> withMarkerAndAFailingScenario(Map<String, byte[]> files) {
        Map<String, byte[]> changed = withMarker(files, 10);
        changed.put(CONTRADICTING_SCENARIO, ("""
                - name: %s
                  given:
                    customerId: FIXTURE-2
                  expect:
                    signsAbsent: [FIXTURE_MARKER]
                """).formatted(CONTRADICTING_SCENARIO_NAME).getBytes(StandardCharsets.UTF_8));
        return changed;
    }

    /** A rule file that does not compile, under churn-signs/typo.drl; the problem is told at its line 2. */
    public static final String TYPO = "churn-signs/typo.drl";

    public static Map<String, byte[]> withATypo(Map<String, byte[]> files) {
        Map<String, byte[]> changed = new TreeMap<>(files);
        changed.put(TYPO, "package retention;\nrule \"A typo\" when then insert(oops end\n".getBytes(StandardCharsets.UTF_8));
        return changed;
    }

    /** A rule file whose pattern is left unclosed (churn-signs/fixture-unclosed-pattern.drl): the parser stumbles on its "then". */
    public static final String UNCLOSED = "churn-signs/fixture-unclosed-pattern.drl";

    public static Map<String, byte[]> withAnUnclosedPattern(Map<String, byte[]> files) {
        Map<String, byte[]> changed = new TreeMap<>(files);
        changed.put(UNCLOSED, read(UNCLOSED).getBytes(StandardCharsets.UTF_8));
        return changed;
    }

    /** Where a fixture file lies, by its path under rules/. */
    public static Path file(String path) {
        return FOLDER.resolve(path);
    }

    /**
     * A whole ruleset to put live while a test needs scores it can compute by hand: the shipped rule files with the
     * fixture's weights and bands, and the fixture's scoring scenarios in place of the shipped ones (which pin the
     * shipped weights).
     */
    public static Map<String, byte[]> scoredByTheFixture(Map<String, byte[]> shipped) {
        Map<String, byte[]> files = new TreeMap<>(shipped);
        files.keySet().removeIf(path -> path.startsWith("tests/"));
        files.putAll(scoring());
        files.put("tests/fixture-scoring.yaml", read("tests/fixture-scoring.yaml").getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The fixture's weights and bands, by their path under rules/. */
    public static Map<String, byte[]> scoring() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(WEIGHTS, read(WEIGHTS).getBytes(StandardCharsets.UTF_8));
        files.put(BANDS, read(BANDS).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The fixture's weights and bands with one sign weighing {@code points}. */
    public static Map<String, byte[]> scoringWith(String code, int points) {
        Map<String, byte[]> files = scoring();
        Matcher row = Pattern.compile("(?m)^(Weight of " + code + "," + code + ",)-?\\d+").matcher(read(WEIGHTS));
        if (!row.find()) {
            throw new IllegalStateException("the fixture weights have no row for " + code);
        }
        files.put(WEIGHTS, row.replaceFirst("$1" + points).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static String read(String path) {
        try {
            return Files.readString(FOLDER.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
