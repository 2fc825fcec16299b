package com.retentionadvisor.rules.scenarios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.rules.ActionCandidate;
import com.retentionadvisor.rules.ActionRouting;
import com.retentionadvisor.rules.ActionSuppression;
import com.retentionadvisor.rules.ChurnSign;
import com.retentionadvisor.rules.ContactRefusal;
import com.retentionadvisor.rules.Evaluation;
import com.retentionadvisor.rules.RiskAssessment;
import com.retentionadvisor.rules.RiskLevel;
import com.retentionadvisor.rules.RiskScore;
import com.retentionadvisor.rules.StageAssessment;
import com.retentionadvisor.rules.Strength;

/**
 * What a scenario expects the rules to conclude. Every field is optional and only the fields written are checked;
 * lists of codes are compared as sets, so order and repeats do not matter.
 */
public record Expect(
        List<String> signs,
        List<String> signsInclude,
        List<String> signsAbsent,
        Boolean noSigns,
        List<String> strengths,
        List<String> strengthsInclude,
        Integer score,
        RiskLevel riskLevel,
        RelationshipStage stage,
        List<String> actions,
        List<String> actionsInclude,
        List<String> suppressed,
        List<String> refusals,
        Boolean allowed,
        Instant retryAfter,
        List<String> firedRulesInclude,
        List<String> firedRulesAbsent,
        Map<String, Integer> priorities,
        Map<String, String> owners,
        Map<String, Integer> dueDays) {

    boolean isEmpty() {
        return Stream.of(signs, signsInclude, signsAbsent, noSigns, strengths, strengthsInclude, score, riskLevel, stage, actions, actionsInclude, suppressed, refusals, allowed, retryAfter, firedRulesInclude,
                        firedRulesAbsent, priorities, owners, dueDays)
                .allMatch(Objects::isNull);
    }

    /** Each way the evaluation differs from what is expected, in words; empty when it is all as expected. */
    List<String> differencesFrom(Evaluation evaluation, Collection<String> ruleNames) {
        List<String> differences = new ArrayList<>();
        SortedSet<String> gotSigns = codes(evaluation.all(ChurnSign.class), ChurnSign::getCode);
        SortedSet<String> gotSuppressed = codes(evaluation.all(ActionSuppression.class), ActionSuppression::getActionCode);
        SortedSet<String> gotActions = codes(evaluation.all(ActionCandidate.class), ActionCandidate::getCode);
        gotActions.removeAll(gotSuppressed);
        SortedSet<String> gotRefusals = codes(evaluation.all(ContactRefusal.class), ContactRefusal::getCode);

        SortedSet<String> gotStrengths = codes(evaluation.all(Strength.class), Strength::getCode);

        compareSets("signs", signs, gotSigns, differences);
        compareIncluded("signs", signsInclude, gotSigns, differences);
        if (signsAbsent != null && signsAbsent.stream().anyMatch(gotSigns::contains)) {
            differences.add("expected none of the signs " + new TreeSet<>(signsAbsent) + " but got " + gotSigns);
        }
        compareSets("strengths", strengths, gotStrengths, differences);
        compareIncluded("strengths", strengthsInclude, gotStrengths, differences);
        compareOne("risk score", score, evaluation.all(RiskScore.class).stream().map(RiskScore::getPoints).toList(), differences);
        if (Boolean.TRUE.equals(noSigns) && !gotSigns.isEmpty()) {
            differences.add("expected no signs but got " + gotSigns);
        }
        if (Boolean.FALSE.equals(noSigns) && gotSigns.isEmpty()) {
            differences.add("expected at least one sign but got none");
        }
        compareOne("risk level", riskLevel, evaluation.all(RiskAssessment.class).stream().map(RiskAssessment::getLevel).toList(), differences);
        compareOne("stage", stage, evaluation.all(StageAssessment.class).stream().map(StageAssessment::getStage).toList(), differences);
        compareSets("actions", actions, gotActions, differences);
        if (actionsInclude != null && !gotActions.containsAll(actionsInclude)) {
            differences.add("expected actions to include " + new TreeSet<>(actionsInclude) + " but got " + gotActions
                    + (gotSuppressed.isEmpty() ? "" : " (suppressed: " + gotSuppressed + ")"));
        }
        compareSets("suppressed actions", suppressed, gotSuppressed, differences);
        compareSets("refusals", refusals, gotRefusals, differences);
        if (Boolean.TRUE.equals(allowed) && !gotRefusals.isEmpty()) {
            differences.add("expected the contact to be allowed but it was refused: " + gotRefusals);
        }
        if (Boolean.FALSE.equals(allowed) && gotRefusals.isEmpty()) {
            differences.add("expected the contact to be refused but it was allowed");
        }
        Instant gotRetryAfter = ContactRefusal.allLapse(evaluation.all(ContactRefusal.class));
        if (retryAfter != null && !retryAfter.equals(gotRetryAfter)) {
            differences.add("expected the contact to be asked again at " + retryAfter + " but "
                    + (gotRetryAfter == null ? "no time was given" : "it was " + gotRetryAfter));
        }
        Map<String, ActionRouting> routings = new TreeMap<>();
        evaluation.all(ActionRouting.class).forEach(routing -> routings.putIfAbsent(routing.getActionCode(), routing));
        compareRoutings("owner", owners, routings, ActionRouting::getOwner, differences);
        compareRoutings("due days", dueDays, routings, ActionRouting::getDueDays, differences);
        Set<String> fired = Set.copyOf(evaluation.firedRules());
        compareFirings(firedRulesInclude, true, fired, ruleNames, differences);
        compareFirings(firedRulesAbsent, false, fired, ruleNames, differences);
        if (priorities != null) {
            Map<String, Integer> got = new java.util.TreeMap<>();
            evaluation.all(ActionCandidate.class).stream()
                    .filter(action -> !gotSuppressed.contains(action.getCode())) // held back: not proposed
                    .forEach(action -> got.merge(action.getCode(), action.getPriority(), Math::max));
            priorities.forEach((code, priority) -> {
                if (!got.containsKey(code)) {
                    differences.add("expected action " + code + " with priority " + priority + " but it was not proposed");
                } else if (!got.get(code).equals(priority)) {
                    differences.add("expected action " + code + " with priority " + priority + " but got " + got.get(code));
                }
            });
        }
        return differences;
    }

    // Each named rule fired (or did not, when toFire is false); a name that is no rule of the ruleset fails either way.
    private static void compareFirings(List<String> expected, boolean toFire, Set<String> fired, Collection<String> ruleNames,
            List<String> differences) {
        if (expected == null) {
            return;
        }
        String expectation = toFire ? " to fire" : " not to fire";
        for (String rule : expected) {
            if (!ruleNames.contains(rule)) {
                differences.add("expected rule \"" + rule + "\"" + expectation + " but no rule has that name");
            } else if (fired.contains(rule) != toFire) {
                differences.add("expected rule \"" + rule + "\"" + expectation + (toFire ? " but it did not" : " but it did"));
            }
        }
    }

    private static <T> void compareRoutings(String what, Map<String, T> expected, Map<String, ActionRouting> routings,
            Function<ActionRouting, T> actual, List<String> differences) {
        if (expected == null) {
            return;
        }
        expected.forEach((code, value) -> {
            ActionRouting routing = routings.get(code);
            if (routing == null) {
                differences.add("expected action " + code + " to have " + what + " " + value + " but it was not routed (not proposed?)");
            } else if (!value.equals(actual.apply(routing))) {
                differences.add("expected action " + code + " to have " + what + " " + value + " but got " + actual.apply(routing));
            }
        });
    }

    private static <T> SortedSet<String> codes(List<T> outcomes, Function<T, String> code) {
        return new TreeSet<>(outcomes.stream().map(code).toList());
    }

    private static void compareSets(String what, List<String> expected, SortedSet<String> got, List<String> differences) {
        if (expected != null && !new TreeSet<>(expected).equals(got)) {
            differences.add("expected " + what + " " + new TreeSet<>(expected) + " but got " + got);
        }
    }

    private static void compareIncluded(String what, List<String> expected, SortedSet<String> got, List<String> differences) {
        if (expected != null && !got.containsAll(expected)) {
            differences.add("expected " + what + " to include " + new TreeSet<>(expected) + " but got " + got);
        }
    }

    private static <T> void compareOne(String what, T expected, List<T> got, List<String> differences) {
        if (expected != null && !got.equals(List.of(expected))) {
            differences.add("expected " + what + " " + expected + " but got " + (got.isEmpty() ? "none" : got.size() == 1 ? got.get(0) : got));
        }
    }
}
