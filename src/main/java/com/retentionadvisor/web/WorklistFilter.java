package com.retentionadvisor.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.core.UriBuilder;

import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.recommendations.Worklists;
import com.retentionadvisor.rules.RiskLevel;

/** The worklist page's query: ?level=, ?stage=, ?due= (within so many days) and ?page= (from 1). */
public record WorklistFilter(RiskLevel level, RelationshipStage stage, Integer due, int page) {

    /** The choices the page offers for "due within". */
    public static final List<Integer> DUE_CHOICES = List.of(2, 7, 30);

    /** Reads the query as the page writes it; a value it cannot read is an InvalidInputException naming the parameter. */
    public static WorklistFilter of(String level, String stage, String due, String page) {
        Integer days = Parameters.integer("due", due, 1, 365);
        Integer number = Parameters.integer("page", page, 1, 1_000_000);
        return new WorklistFilter(Parameters.oneOf("level", level, RiskLevel.class),
                Parameters.oneOf("stage", stage, RelationshipStage.class), days, number == null ? 1 : number);
    }

    public static WorklistFilter none() {
        return new WorklistFilter(null, null, null, 1);
    }

    /** The same filter in the terms of the worklist service. */
    Worklists.Filter toWorklistFilter(Instant now) {
        return new Worklists.Filter(level, stage, due == null ? null : now.plus(Duration.ofDays(due)));
    }

    /** The levels to filter by, the most severe first. */
    public List<RiskLevel> levels() {
        return List.of(RiskLevel.CRITICAL, RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW);
    }

    public List<RelationshipStage> stages() {
        return List.of(RelationshipStage.values());
    }

    public List<Integer> dueChoices() {
        return DUE_CHOICES;
    }

    public boolean isActive() {
        return level != null || stage != null || due != null;
    }

    /** The link to another page of the same worklist with the same filter. */
    String link(String managerId, String lang, int otherPage) {
        UriBuilder link = UriBuilder.fromPath("/managers/{id}").resolveTemplate("id", managerId).queryParam("lang", lang);
        if (level != null) {
            link.queryParam("level", level.name());
        }
        if (stage != null) {
            link.queryParam("stage", stage.name());
        }
        if (due != null) {
            link.queryParam("due", due);
        }
        return link.queryParam("page", otherPage).build().toString();
    }
}
