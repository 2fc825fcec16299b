package com.retentionadvisor.rules;

/** Something a rule concluded. The engine records which rule inserted it, so every answer names its rule. */
public abstract class RuleOutcome {

    private String rule;

    public String getRule() {
        return rule;
    }

    void firedBy(String ruleName) {
        if (rule == null) {
            rule = ruleName;
        }
    }
}
