package com.retentionadvisor.rules;

import static com.retentionadvisor.rules.RuleScenario.aCustomer;
import static com.retentionadvisor.rules.RuleScenario.evaluate;
import static com.retentionadvisor.rules.RuleScenario.proposes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Scenarios for rules/notifications/crm-webhook.drl: what the CRM is told of at once, at the edges of each rule. */
class NotificationRulesTest {

    private static final String RISE_RULE = "The CRM is told when a customer's risk level rises to HIGH or above";
    private static final String PRIORITY_RULE = "The CRM is told of a new recommendation of priority 90 or more";

    // --- The CRM is told when a customer's risk level rises to HIGH or above ---

    @Test
    void aRiseIsToldFromHighOnForEveryCustomer() {
        Evaluation evaluation = evaluate(aCustomer());

        List<RiskRiseNotice> notices = evaluation.all(RiskRiseNotice.class);
        assertEquals(1, notices.size());
        assertEquals(RiskLevel.HIGH, notices.get(0).getAtLeast());
        assertEquals(RISE_RULE, notices.get(0).getRule());
    }

    // --- The CRM is told of a new recommendation of priority 90 or more ---

    @Test
    void aRenewalReminderOfPriority90IsTold() {
        var renewalInAWeek = aCustomer().daysToSubscriptionEnd(7).endingSubscriptionAutoRenews(false);

        Evaluation evaluation = evaluate(renewalInAWeek);

        assertTrue(proposes(evaluation, "RENEWAL_REMINDER"));
        assertEquals(List.of("RENEWAL_REMINDER"), noticedActions(evaluation));
        assertEquals(PRIORITY_RULE, evaluation.all(RecommendationNotice.class).get(0).getRule());
    }

    @Test
    void aRenewalReminderOfPriority80IsNotTold() {
        var renewalInTwoWeeks = aCustomer().daysToSubscriptionEnd(14).endingSubscriptionAutoRenews(false);

        Evaluation evaluation = evaluate(renewalInTwoWeeks);

        assertTrue(proposes(evaluation, "RENEWAL_REMINDER"));
        assertEquals(List.of(), noticedActions(evaluation));
    }

    @Test
    void aHandoverMeetingOfPriority85IsNotTold() {
        var handedOverWithoutAMeeting = aCustomer().managerChangesLastYear(1).managerChangesTotal(1)
                .lastManagerChangeWithoutHandover(true);

        Evaluation evaluation = evaluate(handedOverWithoutAMeeting);

        assertTrue(proposes(evaluation, "HANDOVER_MEETING"));
        assertEquals(List.of(), noticedActions(evaluation));
    }

    @Test
    void aComplaintAndARecoveryCallAreBothTold() {
        var complaintAndDetractor = aCustomer().openComplaints(2).latestNps(2).daysSinceLastSurvey(1);

        Evaluation evaluation = evaluate(complaintAndDetractor);

        assertEquals(List.of("RECOVERY_CALL", "RESOLVE_COMPLAINT"), noticedActions(evaluation));
    }

    private static List<String> noticedActions(Evaluation evaluation) {
        return evaluation.all(RecommendationNotice.class).stream().map(RecommendationNotice::getActionCode).sorted().toList();
    }
}
