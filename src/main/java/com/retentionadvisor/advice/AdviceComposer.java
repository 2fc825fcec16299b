package com.retentionadvisor.advice;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.rules.ActionCandidate;
import com.retentionadvisor.rules.ActionLimit;
import com.retentionadvisor.rules.ActionRouting;
import com.retentionadvisor.rules.ActionSuppression;
import com.retentionadvisor.rules.ChurnSign;
import com.retentionadvisor.rules.ContactRefusal;
import com.retentionadvisor.rules.CustomerValue;
import com.retentionadvisor.rules.Evaluation;
import com.retentionadvisor.rules.RecommendationNotice;
import com.retentionadvisor.rules.RiskAssessment;
import com.retentionadvisor.rules.RiskRiseNotice;
import com.retentionadvisor.rules.RiskScore;
import com.retentionadvisor.rules.RuleMessages;
import com.retentionadvisor.rules.Sign;
import com.retentionadvisor.rules.StageAssessment;
import com.retentionadvisor.rules.Strength;

/**
 * Puts what the rules concluded into the advice a person reads: texts from the rules' messages, a stable order.
 * It decides nothing: signs, levels, stages, actions and refusals all come from the rules. What it does with the
 * rules' actions is mechanics, the same for every ruleset (rules/README.md, "What Java does with the rules' actions"):
 * an action proposed by several rules counts once, at its highest priority; an action the rules suppressed, or one
 * without terms (no owner and due days: no row of its own in the action terms and no row *), is not proposed; of the
 * rest, the most urgent (highest priority, then code) are proposed up to the rules' daily limit, and each is ranked
 * at its priority times the customer's value weight, so that across customers the worklist puts the more valuable
 * first among equally urgent actions.
 */
final class AdviceComposer {

    private static final Comparator<AdviceView.Sign> HEAVIEST_FIRST = Comparator
            .comparingInt(AdviceView.Sign::weight).reversed()
            .thenComparing(AdviceView.Sign::code);

    private static final Comparator<ActionCandidate> RANKING = Comparator
            .comparingInt(ActionCandidate::getPriority).reversed()
            .thenComparing(ActionCandidate::getCode);

    private final RuleMessages messages;
    private final Locale locale;

    AdviceComposer(RuleMessages messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    AdviceView advice(CustomerFacts facts, Evaluation evaluation) {
        List<AdviceView.Sign> signs = signs(evaluation.all(ChurnSign.class), "sign.");
        List<AdviceView.Sign> strengths = signs(evaluation.all(Strength.class), "strength.");
        RiskScore risk = evaluation.all(RiskScore.class).stream().max(Comparator.comparingInt(RiskScore::getPoints)).orElse(null);
        int score = risk == null ? 0 : risk.getPoints();
        int basePoints = risk == null ? 0 : risk.getBasePoints();
        RiskAssessment level = evaluation.all(RiskAssessment.class).stream()
                .max(Comparator.comparing(RiskAssessment::getLevel))
                .orElse(null);
        StageAssessment stage = evaluation.all(StageAssessment.class).stream().findFirst().orElse(null);

        Map<String, ActionSuppression> suppressions = evaluation.all(ActionSuppression.class).stream()
                .collect(Collectors.toMap(ActionSuppression::getActionCode, Function.identity(), (first, second) -> first));
        List<ActionCandidate> candidates = evaluation.all(ActionCandidate.class).stream().sorted(RANKING).toList();
        Set<String> seen = new java.util.HashSet<>();
        List<ActionCandidate> distinct = candidates.stream().filter(a -> seen.add(a.getCode())).toList();

        Map<String, ActionRouting> routings = evaluation.all(ActionRouting.class).stream()
                .collect(Collectors.toMap(ActionRouting::getActionCode, Function.identity(), (first, second) -> first));
        List<ActionCandidate> allowed = distinct.stream()
                .filter(a -> !suppressions.containsKey(a.getCode()) && routings.containsKey(a.getCode()))
                .toList();
        // The rules say how many actions a day; the most urgent are proposed, the others wait.
        ActionLimit limit = evaluation.all(ActionLimit.class).stream()
                .min(Comparator.comparingInt(ActionLimit::getMaxPerDay)).orElse(null);
        int proposed = limit == null ? allowed.size() : Math.min(allowed.size(), limit.getMaxPerDay());
        CustomerValue value = evaluation.all(CustomerValue.class).stream().findFirst().orElse(null);
        double valueWeight = value == null ? 1.0 : value.getWeight();
        List<AdviceView.Action> actions = allowed.subList(0, proposed).stream()
                .map(a -> {
                    ActionRouting routing = routings.get(a.getCode());
                    return new AdviceView.Action(a.getCode(), title(a.getCode()), a.getPurpose().name(), a.getPriority(),
                            (int) Math.round(a.getPriority() * valueWeight),
                            text("reason." + a.getReasonCode(), a.getReasonArgs()), a.getRule(),
                            routing.getOwner(), routing.getDueDays(), routing.getRule());
                })
                .toList();
        List<AdviceView.SuppressedAction> suppressed = new java.util.ArrayList<>();
        distinct.stream().filter(a -> suppressions.containsKey(a.getCode())).forEach(a -> {
            ActionSuppression why = suppressions.get(a.getCode());
            suppressed.add(new AdviceView.SuppressedAction(a.getCode(), title(a.getCode()),
                    text("reason." + why.getReasonCode(), why.getReasonArgs()), why.getRule()));
        });
        // An action nobody would own, with no date it is due by, cannot become a recommendation: it waits for terms.
        distinct.stream().filter(a -> !suppressions.containsKey(a.getCode()) && !routings.containsKey(a.getCode()))
                .forEach(a -> suppressed.add(new AdviceView.SuppressedAction(a.getCode(), title(a.getCode()),
                        text("reason.NO_TERMS", List.of()), null)));
        allowed.subList(proposed, allowed.size()).forEach(a -> suppressed.add(new AdviceView.SuppressedAction(
                a.getCode(), title(a.getCode()), text("reason.DAILY_LIMIT", List.of(limit.getMaxPerDay())), limit.getRule())));

        return new AdviceView(facts.getCustomerId(), facts.getAsOf(),
                new AdviceView.Risk(score, basePoints, level == null ? null : level.getLevel(), level == null ? null : level.getRule(), signs, strengths),
                stage == null ? null : stage.getStage(), stage == null ? null : stage.getRule(),
                value == null ? null : new AdviceView.Value(value.getTier(), value.getWeight(), value.getRule()),
                actions, suppressed, contact(evaluation), crmNotices(evaluation, actions), evaluation.rulesetVersion(),
                evaluation.firedRules());
    }

    // Only proposed actions become recommendations, so only their notices are shown.
    private static AdviceView.CrmNotices crmNotices(Evaluation evaluation, List<AdviceView.Action> actions) {
        AdviceView.CrmNotices.RiskRise riskRise = evaluation.all(RiskRiseNotice.class).stream()
                .min(Comparator.comparing(RiskRiseNotice::getAtLeast))
                .map(notice -> new AdviceView.CrmNotices.RiskRise(notice.getAtLeast(), notice.getRule()))
                .orElse(null);
        Map<String, RecommendationNotice> byAction = evaluation.all(RecommendationNotice.class).stream()
                .collect(Collectors.toMap(RecommendationNotice::getActionCode, Function.identity(), (first, second) -> first));
        List<AdviceView.CrmNotices.ActionNotice> notices = actions.stream()
                .filter(action -> byAction.containsKey(action.code()))
                .map(action -> new AdviceView.CrmNotices.ActionNotice(action.code(), byAction.get(action.code()).getRule()))
                .toList();
        return new AdviceView.CrmNotices(riskRise, notices);
    }

    private List<AdviceView.Sign> signs(List<? extends Sign> found, String messagePrefix) {
        return found.stream()
                .map(s -> new AdviceView.Sign(s.getCode(), s.getWeight(), text(messagePrefix + s.getCode(), s.getEvidence()), s.getRule(),
                        s.getWeightRule()))
                .sorted(HEAVIEST_FIRST)
                .toList();
    }

    ContactDecision contact(Evaluation evaluation) {
        List<ContactRefusal> refusals = evaluation.all(ContactRefusal.class);
        // By code, rule and text: the same facts give the same order, whatever order the engine concluded them in.
        List<ContactDecision.Reason> reasons = refusals.stream()
                .map(r -> new ContactDecision.Reason(r.getRule(), r.getCode(), text("refusal." + r.getCode(), r.getEvidence()),
                        r.getCap(), r.getCount(), r.getLimit(), r.getWindowStart(), r.getWindowEnd(), r.getUntil()))
                .sorted(Comparator.comparing(ContactDecision.Reason::code).thenComparing(ContactDecision.Reason::rule)
                        .thenComparing(ContactDecision.Reason::message))
                .toList();
        return new ContactDecision(reasons.isEmpty(), reasons, ContactRefusal.allLapse(refusals), null);
    }

    private String title(String actionCode) {
        return text("action." + actionCode, List.of());
    }

    private String text(String key, List<Object> args) {
        // A stage passed as a value is shown in words of the reader's language (stage.<NAME>).
        List<Object> shown = args.stream()
                .map(arg -> arg instanceof RelationshipStage stage ? messages.format(locale, "stage." + stage.name(), List.of()) : arg)
                .toList();
        return messages.format(locale, key, shown);
    }
}
