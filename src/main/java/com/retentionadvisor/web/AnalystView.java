package com.retentionadvisor.web;

import java.util.Arrays;
import java.util.List;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.rulesets.RulesetActivation;
import com.retentionadvisor.rulesets.RulesetReports;

/**
 * What the analyst page shows when it opens: the live ruleset (and the last candidate turned away), every version that
 * has served, and a default back-test cut-off (yyyy-MM-dd). The rest of the page asks the API as the analyst works.
 */
public record AnalystView(RulesetReports.Live live, List<RulesetReports.VersionSummary> versions, String defaultCutoff) {

    /** Why the live ruleset went live, for the page to say in its language; null when nothing was recorded. */
    public RulesetActivation.Reason reason() {
        return live.reason() == null ? null : RulesetActivation.Reason.valueOf(live.reason());
    }

    public List<String> channels() {
        return Arrays.stream(Channel.values()).map(Enum::name).toList();
    }

    public List<String> purposes() {
        return Arrays.stream(Purpose.values()).map(Enum::name).toList();
    }
}
