package com.retentionadvisor.rules;

import static com.retentionadvisor.contacts.Channel.EMAIL;
import static com.retentionadvisor.contacts.Channel.PHONE;
import static com.retentionadvisor.contacts.Direction.INBOUND;
import static com.retentionadvisor.contacts.Direction.OUTBOUND;
import static com.retentionadvisor.contacts.Purpose.SALES;
import static com.retentionadvisor.contacts.Purpose.SERVICE;
import static com.retentionadvisor.contacts.Purpose.SURVEY;
import static com.retentionadvisor.contacts.Purpose.TRANSACTIONAL;
import static com.retentionadvisor.contacts.Purpose.VALUE;
import static com.retentionadvisor.rules.RuleScenario.aCustomer;
import static com.retentionadvisor.rules.RuleScenario.evaluate;
import static com.retentionadvisor.rules.RuleScenario.onlyRefusal;
import static com.retentionadvisor.rules.RuleScenario.refusalCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.facts.ContactCounts;

/** Scenarios for rules/contact-policy/caps.drl: at most 3 proactive contacts in 7 days and 8 in 30 days. */
class ContactPolicyRulesTest {

    private static final String CAP_RULE = "A proactive contact is refused once a cap is reached";

    // A value contact: proactive, so capped, but never a sales pitch, so the sales-talk ratio stays out of these scenarios.
    private final ContactIntent valueEmail = new ContactIntent(EMAIL, VALUE, OUTBOUND);

    // --- 3 in 7 days ---

    @Test
    void proactiveContactAllowedAfterTwoInSevenDays() {
        var contactedTwiceThisWeek = aCustomer().contacts(ContactCounts.builder()
                .happened(2, OUTBOUND, EMAIL, VALUE, 2)
                .build());

        assertEquals(List.of(), refusalCodes(evaluate(contactedTwiceThisWeek, valueEmail)));
    }

    @Test
    void proactiveContactRefusedAfterThreeInSevenDays() {
        var contactedThriceThisWeek = aCustomer().contacts(ContactCounts.builder()
                .happened(2, OUTBOUND, EMAIL, VALUE, 3)
                .build());

        ContactRefusal refusal = onlyRefusal(evaluate(contactedThriceThisWeek, valueEmail));

        assertEquals("CONTACT_CAP", refusal.getCode());
        assertEquals(List.of(3, 7, 3), refusal.getEvidence());
        assertEquals(CAP_RULE, refusal.getRule());
    }

    @Test
    void contactExactlySevenDaysOldNoLongerCountsForTheWeek() {
        var thirdContactAWeekAgo = aCustomer().contacts(ContactCounts.builder()
                .happened(1, OUTBOUND, EMAIL, VALUE, 2)
                .happened(7, OUTBOUND, EMAIL, VALUE, 1)
                .build());

        assertEquals(List.of(), refusalCodes(evaluate(thirdContactAWeekAgo, valueEmail)));
    }

    @Test
    void salesAndSurveyContactsCountTowardTheCapToo() {
        var pitchedSurveyedAndInformed = aCustomer().contacts(ContactCounts.builder()
                .happened(1, OUTBOUND, PHONE, SALES, 1)
                .happened(2, OUTBOUND, EMAIL, SURVEY, 1)
                .happened(3, OUTBOUND, EMAIL, VALUE, 1)
                .happened(40, INBOUND, PHONE, SERVICE, 20)
                .build());

        ContactRefusal refusal = onlyRefusal(evaluate(pitchedSurveyedAndInformed, valueEmail));

        assertEquals("CONTACT_CAP", refusal.getCode());
        assertEquals(List.of(3, 7, 3), refusal.getEvidence());
    }

    // --- 8 in 30 days ---

    @Test
    void proactiveContactAllowedAfterSevenInThirtyDays() {
        var contactedSevenTimesThisMonth = aCustomer().contacts(ContactCounts.builder()
                .happened(10, OUTBOUND, EMAIL, VALUE, 7)
                .build());

        assertEquals(List.of(), refusalCodes(evaluate(contactedSevenTimesThisMonth, valueEmail)));
    }

    @Test
    void proactiveContactRefusedAfterEightInThirtyDays() {
        var contactedEightTimesThisMonth = aCustomer().contacts(ContactCounts.builder()
                .happened(10, OUTBOUND, EMAIL, VALUE, 8)
                .build());

        ContactRefusal refusal = onlyRefusal(evaluate(contactedEightTimesThisMonth, valueEmail));

        assertEquals("CONTACT_CAP", refusal.getCode());
        assertEquals(List.of(8, 30, 8), refusal.getEvidence());
        assertEquals(CAP_RULE, refusal.getRule());
    }

    @Test
    void contactExactlyThirtyDaysOldNoLongerCountsForTheMonth() {
        var eighthContactAMonthAgo = aCustomer().contacts(ContactCounts.builder()
                .happened(10, OUTBOUND, EMAIL, VALUE, 7)
                .happened(30, OUTBOUND, EMAIL, VALUE, 1)
                .build());

        assertEquals(List.of(), refusalCodes(evaluate(eighthContactAMonthAgo, valueEmail)));
    }

    @Test
    void bothCapsReachedGiveOneRefusalEach() {
        var contactedTooOftenWeekAndMonth = aCustomer().contacts(ContactCounts.builder()
                .happened(2, OUTBOUND, EMAIL, VALUE, 3)
                .happened(10, OUTBOUND, EMAIL, VALUE, 6)
                .build());

        Evaluation evaluation = evaluate(contactedTooOftenWeekAndMonth, valueEmail);

        List<List<Object>> evidence = evaluation.all(ContactRefusal.class).stream()
                .map(ContactRefusal::getEvidence)
                .sorted((a, b) -> Integer.compare((Integer) a.get(1), (Integer) b.get(1)))
                .toList();
        assertEquals(List.of(List.of(3, 7, 3), List.of(9, 30, 8)), evidence);
    }

    // --- what the caps leave alone ---

    @Test
    void anyProactiveContactInAdviceIsRefusedAtTheCap() {
        var contactedThriceThisWeek = aCustomer().contacts(ContactCounts.builder()
                .happened(2, OUTBOUND, EMAIL, VALUE, 3)
                .build());

        assertEquals(List.of("CONTACT_CAP"), refusalCodes(evaluate(contactedThriceThisWeek, ContactIntent.anyProactiveContact())));
    }

    @Test
    void salesPitchToOverContactedCustomerIsRefusedOnEveryCount() {
        var overContacted = aCustomer().contacts(overContactedHistory());
        var salesCall = new ContactIntent(PHONE, SALES, OUTBOUND);

        assertEquals(List.of("CONTACT_CAP", "CONTACT_CAP", "SALES_TALK_RATIO"), refusalCodes(evaluate(overContacted, salesCall)));
    }

    @ParameterizedTest
    @EnumSource(Purpose.class)
    void answeringAnInboundContactIsNeverRefused(Purpose purpose) {
        var overContacted = aCustomer().contacts(overContactedHistory());
        var customerCalledUs = new ContactIntent(PHONE, purpose, INBOUND);

        assertEquals(List.of(), refusalCodes(evaluate(overContacted, customerCalledUs)));
    }

    @ParameterizedTest
    @EnumSource(value = Purpose.class, names = {"SERVICE", "TRANSACTIONAL"})
    void serviceAndTransactionalContactsAreNeverRefused(Purpose purpose) {
        var overContacted = aCustomer().contacts(overContactedHistory());
        var neededContact = new ContactIntent(EMAIL, purpose, OUTBOUND);

        assertEquals(List.of(), refusalCodes(evaluate(overContacted, neededContact)));
    }

    @Test
    void inboundServiceAndTransactionalContactsDoNotCountTowardTheCap() {
        var busyButRarelyPitched = aCustomer().contacts(ContactCounts.builder()
                .happened(1, OUTBOUND, EMAIL, VALUE, 2)
                .happened(1, INBOUND, PHONE, SALES, 10)
                .happened(1, OUTBOUND, PHONE, SERVICE, 10)
                .happened(1, OUTBOUND, EMAIL, TRANSACTIONAL, 10)
                .build());

        assertEquals(List.of(), refusalCodes(evaluate(busyButRarelyPitched, valueEmail)));
    }

    /** Both caps far exceeded, and every contact a sales pitch. */
    private static ContactCounts overContactedHistory() {
        return ContactCounts.builder()
                .happened(1, OUTBOUND, PHONE, SALES, 12)
                .build();
    }
}
