package com.retentionadvisor.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.retentionadvisor.advice.AdviceView;
import com.retentionadvisor.advice.ContactDecision;
import com.retentionadvisor.rules.RiskLevel;

/**
 * What a candidate ruleset would change on the customer base, customer by customer beside the live one: risk levels,
 * proposed actions, refusals of a proactive contact, and how often each rule fires.
 */
final class Simulation {

    static final int EXAMPLES = 5;

    private final String liveVersion;
    private final String candidateVersion;
    private final Instant asOf;
    private int customers;
    private int customersChanged;
    private final Map<String, LevelChange> levelChanges = new TreeMap<>();
    private final Map<String, int[]> actions = new TreeMap<>();
    private final Map<String, int[]> refusals = new TreeMap<>();
    private final Map<String, int[]> firings = new TreeMap<>();

    Simulation(String liveVersion, String candidateVersion, Instant asOf) {
        this.liveVersion = liveVersion;
        this.candidateVersion = candidateVersion;
        this.asOf = asOf;
    }

    /** Counts one customer's advice under the live ruleset and under the candidate. */
    void add(AdviceView live, AdviceView candidate) {
        customers++;
        boolean changed = false;
        RiskLevel from = live.risk().level();
        RiskLevel to = candidate.risk().level();
        if (from != to) {
            changed = true;
            levelChanges.computeIfAbsent(name(from) + "→" + name(to), key -> new LevelChange(name(from), name(to)))
                    .add(live.customerId());
        }
        changed |= count(actions, codes(live.actions()), codes(candidate.actions()));
        changed |= count(refusals, refusingRules(live.contact()), refusingRules(candidate.contact()));
        if (changed) {
            customersChanged++;
        }
        live.firedRules().forEach(rule -> firings.computeIfAbsent(rule, r -> new int[2])[0]++);
        candidate.firedRules().forEach(rule -> firings.computeIfAbsent(rule, r -> new int[2])[1]++);
    }

    Report report() {
        List<LevelChangeCount> levels = levelChanges.values().stream()
                .map(change -> new LevelChangeCount(change.from, change.to, change.customers, List.copyOf(change.examples)))
                .sorted(Comparator.comparingInt(LevelChangeCount::customers).reversed()
                        .thenComparing(LevelChangeCount::from).thenComparing(LevelChangeCount::to))
                .toList();
        List<ActionChange> actionChanges = actions.entrySet().stream()
                .map(e -> new ActionChange(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
        List<RefusalChange> refusalChanges = refusals.entrySet().stream()
                .map(e -> new RefusalChange(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
        List<RuleFirings> ruleFirings = firings.entrySet().stream()
                .map(e -> new RuleFirings(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[1] - e.getValue()[0]))
                .sorted(Comparator.comparingInt((RuleFirings f) -> Math.abs(f.difference())).reversed().thenComparing(RuleFirings::rule))
                .toList();
        return new Report(liveVersion, candidateVersion, asOf, customers, customersChanged, levels, actionChanges,
                refusalChanges, ruleFirings);
    }

    // Counts what the candidate adds ([0]) and takes away ([1]); says whether anything differs.
    private static boolean count(Map<String, int[]> counts, Set<String> live, Set<String> candidate) {
        boolean changed = false;
        for (String gained : difference(candidate, live)) {
            counts.computeIfAbsent(gained, key -> new int[2])[0]++;
            changed = true;
        }
        for (String lost : difference(live, candidate)) {
            counts.computeIfAbsent(lost, key -> new int[2])[1]++;
            changed = true;
        }
        return changed;
    }

    private static Set<String> difference(Set<String> these, Set<String> those) {
        Set<String> only = new TreeSet<>(these);
        only.removeAll(those);
        return only;
    }

    private static Set<String> codes(List<AdviceView.Action> actions) {
        Set<String> codes = new HashSet<>();
        actions.forEach(action -> codes.add(action.code()));
        return codes;
    }

    private static Set<String> refusingRules(ContactDecision decision) {
        Set<String> rules = new HashSet<>();
        decision.reasons().forEach(reason -> rules.add(reason.rule()));
        return rules;
    }

    private static String name(RiskLevel level) {
        return Objects.toString(level, "NONE");
    }

    private static final class LevelChange {
        final String from;
        final String to;
        int customers;
        final List<String> examples = new ArrayList<>();

        LevelChange(String from, String to) {
            this.from = from;
            this.to = to;
        }

        void add(String customerId) {
            customers++;
            if (examples.size() < EXAMPLES) {
                examples.add(customerId);
            }
        }
    }

    /**
     * The difference a candidate makes: {@code customersChanged} counts customers whose risk level, proposed actions
     * or contact refusals differ.
     */
    public record Report(String liveVersion, String candidateVersion, Instant asOf, int customers, int customersChanged,
            List<LevelChangeCount> riskLevelChanges, List<ActionChange> actions, List<RefusalChange> contactRefusals,
            List<RuleFirings> firings) {
    }

    /** Customers whose risk level goes from one level to another (NONE: no level), with a few of them. */
    public record LevelChangeCount(String from, String to, int customers, List<String> examples) {
    }

    /** Customers to whom the candidate proposes this action and the live ruleset does not (appears), and the reverse. */
    public record ActionChange(String code, int appears, int disappears) {
    }

    /** Customers a rule refuses a proactive contact under the candidate and not live (gained), and the reverse (lost). */
    public record RefusalChange(String rule, int gained, int lost) {
    }

    /** Customers on whom the rule fires, live and under the candidate. */
    public record RuleFirings(String rule, int live, int candidate, int difference) {
    }
}
