package com.retentionadvisor.rules;

import java.util.List;

/** A ruleset that cannot be used, with every problem found: file, line and the compiler's message. */
public class RulesetException extends RuntimeException {

    private final List<String> problems;

    public RulesetException(String summary, List<String> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
