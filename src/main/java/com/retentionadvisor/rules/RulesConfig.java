package com.retentionadvisor.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "retention.rules")
public interface RulesConfig {

    /** The folder holding the rule files, relative to the working directory unless absolute. */
    @WithDefault("rules")
    String dir();

    /**
     * Whether analysts (and admins) may send rule files to validate, test, simulate, back-test and publish them. Rule
     * files hold code that runs in the service: switch it off where nobody should put rules in over HTTP.
     */
    @WithDefault("true")
    boolean uploadsEnabled();

    /** Watching the rules folder: a change, once it has settled, is compiled, tested and put live. */
    Watch watch();

    interface Watch {

        /** On in dev mode; off by default, where rules go live by publishing them. */
        @WithDefault("false")
        boolean enabled();

        /** How long the folder must stay unchanged before it is read (an editor saves in several writes). */
        @WithDefault("1s")
        java.time.Duration settle();
    }

    /** Rule firings allowed in one evaluation before it is stopped as a loop. */
    @WithDefault("10000")
    int maxFirings();

    /**
     * Time (CPU time of the evaluating thread) one customer's evaluation may take before its rules are stopped: the
     * request answers 503 naming the ruleset, a batch skips the customer and reports it, and retention.rules.over.budget
     * counts it. Evaluations take well under a millisecond once warm; the budget is there for a rule that never ends.
     */
    @WithDefault("500ms")
    java.time.Duration timeBudget();

    /**
     * The same for one scenario. Scenarios run on a ruleset just compiled, whose first evaluations load what its rules
     * need, so they get more: a scenario stopped fails, saying so, and the ruleset does not go live.
     */
    @WithDefault("5s")
    java.time.Duration scenarioTimeBudget();
}
