package com.retentionadvisor.advice;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.rules.ActionCandidate;
import com.retentionadvisor.rules.ActionSuppression;
import com.retentionadvisor.rules.ChurnSign;
import com.retentionadvisor.rules.ContactRefusal;
import com.retentionadvisor.rules.Evaluation;
import com.retentionadvisor.rules.RiskAssessment;
import com.retentionadvisor.rules.RuleMessages;
import com.retentionadvisor.rules.StageAssessment;

/**
 * Puts what the rules concluded into the advice a person reads: texts from the rules' messages, a stable order.
 * It decides nothing: signs, levels, stages, actions and refusals all come from the rules.
 */
final class AdviceComposer {

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
        List<AdviceView.Sign> signs = evaluation.all(ChurnSign.class).stream()
                .sorted(Comparator.comparingInt(ChurnSign::getWeight).reversed().thenComparing(ChurnSign::getCode))
                .map(s -> new AdviceView.Sign(s.getCode(), s.getWeight(), text("sign." + s.getCode(), s.getEvidence()), s.getRule()))
                .toList();
        int score = signs.stream().mapToInt(AdviceView.Sign::weight).sum();
        RiskAssessment level = evaluation.all(RiskAssessment.class).stream()
                .max(Comparator.comparing(RiskAssessment::getLevel))
                .orElse(null);
        StageAssessment stage = evaluation.all(StageAssessment.class).stream().findFirst().orElse(null);

        Map<String, ActionSuppression> suppressions = evaluation.all(ActionSuppression.class).stream()
                .collect(Collectors.toMap(ActionSuppression::getActionCode, Function.identity(), (first, second) -> first));
        List<ActionCandidate> candidates = evaluation.all(ActionCandidate.class).stream().sorted(RANKING).toList();
        Set<String> seen = new java.util.HashSet<>();
        List<ActionCandidate> distinct = candidates.stream().filter(a -> seen.add(a.getCode())).toList();

        List<AdviceView.Action> actions = distinct.stream()
                .filter(a -> !suppressions.containsKey(a.getCode()))
                .map(a -> new AdviceView.Action(a.getCode(), title(a.getCode()), a.getPurpose().name(), a.getPriority(),
                        text("reason." + a.getReasonCode(), a.getReasonArgs()), a.getRule()))
                .toList();
        List<AdviceView.SuppressedAction> suppressed = distinct.stream()
                .filter(a -> suppressions.containsKey(a.getCode()))
                .map(a -> {
                    ActionSuppression why = suppressions.get(a.getCode());
                    return new AdviceView.SuppressedAction(a.getCode(), title(a.getCode()),
                            text("reason." + why.getReasonCode(), why.getReasonArgs()), why.getRule());
                })
                .toList();

        return new AdviceView(facts.getCustomerId(), facts.getAsOf(),
                new AdviceView.Risk(score, level == null ? null : level.getLevel(), level == null ? null : level.getRule(), signs),
                stage == null ? null : stage.getStage(), stage == null ? null : stage.getRule(),
                actions, suppressed, contact(evaluation), evaluation.rulesetVersion(), evaluation.firedRules());
    }

    ContactDecision contact(Evaluation evaluation) {
        List<ContactDecision.Reason> reasons = evaluation.all(ContactRefusal.class).stream()
                .sorted(Comparator.comparing(ContactRefusal::getCode))
                .map(r -> new ContactDecision.Reason(r.getRule(), r.getCode(), text("refusal." + r.getCode(), r.getEvidence())))
                .toList();
        return new ContactDecision(reasons.isEmpty(), reasons, null);
    }

    private String title(String actionCode) {
        return text("action." + actionCode, List.of());
    }

    private String text(String key, List<Object> args) {
        return messages.format(locale, key, args);
    }
}
