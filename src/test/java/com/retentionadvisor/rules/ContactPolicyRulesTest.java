package com.retentionadvisor.rules;

import static com.retentionadvisor.contacts.Channel.EMAIL;
import static com.retentionadvisor.contacts.Channel.MEETING;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.facts.ContactCounts;

/**
 * Scenarios for rules/contact-policy: the caps of caps-by-segment.drl.xlsx (a segment's own, else those of segment *),
 * the quiet period, the email pause and the complaint rule of caps.drl. The default customer is SMB, which has no caps
 * of its own. Contacts on MEETING count only toward the caps on ANY channel: no row caps meetings.
 */
class ContactPolicyRulesTest {

    private static final String QUIET_PERIOD_RULE = "A proactive contact is refused within the quiet period after the last one";
    private static final String EMAIL_PAUSE_RULE = "A proactive email is refused while email is paused";
    private static final String COMPLAINT_RULE = "Only service contacts while a complaint is open";

    // Value contacts: proactive, so capped, but never a sales pitch, so the sales-talk ratio stays out of these scenarios.
    private final ContactIntent valueMeeting = new ContactIntent(MEETING, VALUE, OUTBOUND);
    private final ContactIntent valueEmail = new ContactIntent(EMAIL, VALUE, OUTBOUND);
    private final ContactIntent valueCall = new ContactIntent(PHONE, VALUE, OUTBOUND);

    // --- caps-by-segment.drl.xlsx: every row, one contact below its maximum and at it ---

    /** Rows of the caps table; the contacts are placed 2 days ago for a 7-day cap, 10 days ago for a 30-day cap. */
    private static final String CAP_ROWS = """
            Contact cap: 3 a week                       | SMB        | ANY   | 7  | 3  | *
            Contact cap: 8 a month                      | SMB        | ANY   | 30 | 8  | *
            Contact cap: 4 emails a month               | SMB        | EMAIL | 30 | 4  | *
            Contact cap: 2 calls a week                 | SMB        | PHONE | 7  | 2  | *
            Contact cap: 2 text messages a month        | SMB        | SMS   | 30 | 2  | *
            Enterprise contact cap: 5 a week            | ENTERPRISE | ANY   | 7  | 5  | ENTERPRISE
            Enterprise contact cap: 12 a month          | ENTERPRISE | ANY   | 30 | 12 | ENTERPRISE
            Enterprise contact cap: 6 emails a month    | ENTERPRISE | EMAIL | 30 | 6  | ENTERPRISE
            Enterprise contact cap: 3 calls a week      | ENTERPRISE | PHONE | 7  | 3  | ENTERPRISE
            B2C contact cap: 2 a week                   | B2C        | ANY   | 7  | 2  | B2C
            B2C contact cap: 5 a month                  | B2C        | ANY   | 30 | 5  | B2C
            B2C contact cap: 4 emails a month           | B2C        | EMAIL | 30 | 4  | B2C
            B2C contact cap: 1 text message a month     | B2C        | SMS   | 30 | 1  | B2C
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = CAP_ROWS)
    void proactiveContactAllowedOneBelowTheCap(String row, String segment, String capChannel, int windowDays, int max,
            String capSegment) {
        Channel channel = channelOf(capChannel);
        var contactedOnceLessThanTheCap = aCustomer().segment(segment)
                .contacts(proactiveContacts(channel, windowDays, max - 1));

        assertEquals(List.of(), refusalCodes(evaluate(contactedOnceLessThanTheCap, new ContactIntent(channel, VALUE, OUTBOUND))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = CAP_ROWS)
    void proactiveContactRefusedAtTheCap(String row, String segment, String capChannel, int windowDays, int max,
            String capSegment) {
        Channel channel = channelOf(capChannel);
        var contactedUpToTheCap = aCustomer().segment(segment).contacts(proactiveContacts(channel, windowDays, max));

        ContactRefusal refusal = onlyRefusal(evaluate(contactedUpToTheCap, new ContactIntent(channel, VALUE, OUTBOUND)));

        assertEquals("CONTACT_CAP", refusal.getCode());
        assertEquals(List.of(max, windowDays, max, capChannel, capSegment), capEvidence(refusal));
        assertEquals(ruleRefusingAtAnOwnCap(), refusal.getRule(), "one rule applies every cap, copied from * or not");
    }

    // --- a segment's own caps replace those of segment * ---

    @Test
    void enterpriseCustomerIsHeldToItsOwnWeeklyCapNotThatOfSegmentStar() {
        var enterpriseMetThriceThisWeek = aCustomer().segment("ENTERPRISE").contacts(proactiveContacts(MEETING, 7, 3));

        assertEquals(List.of(), refusalCodes(evaluate(enterpriseMetThriceThisWeek, valueMeeting)));
    }

    @Test
    void b2cCustomerIsHeldToItsOwnStricterWeeklyCap() {
        var consumerMetTwiceThisWeek = aCustomer().segment("B2C").contacts(proactiveContacts(MEETING, 7, 2));
        var smbCustomerMetTwiceThisWeek = aCustomer().contacts(proactiveContacts(MEETING, 7, 2));

        assertEquals(List.of("CONTACT_CAP"), refusalCodes(evaluate(consumerMetTwiceThisWeek, valueMeeting)));
        assertEquals(List.of(), refusalCodes(evaluate(smbCustomerMetTwiceThisWeek, valueMeeting)));
    }

    @Test
    void segmentUnknownToTheCapsUsesTheCapsOfSegmentStar() {
        var publicSectorMetThriceThisWeek = aCustomer().segment("PUBLIC_SECTOR").contacts(proactiveContacts(MEETING, 7, 3));

        ContactRefusal refusal = onlyRefusal(evaluate(publicSectorMetThriceThisWeek, valueMeeting));

        assertEquals(List.of(3, 7, 3, "ANY", "*"), capEvidence(refusal));
        assertEquals(ruleRefusingAtAnOwnCap(), refusal.getRule(), "the caps copied from * are applied by the same rule");
    }

    /** The rule that refuses a B2C customer at a cap of B2C's own (its name is the scenarios' to state). */
    private String ruleRefusingAtAnOwnCap() {
        return onlyRefusal(evaluate(aCustomer().segment("B2C").contacts(proactiveContacts(MEETING, 7, 2)), valueMeeting)).getRule();
    }

    // --- the windows of the caps on ANY channel ---

    @Test
    void contactExactlySevenDaysOldNoLongerCountsForTheWeek() {
        var thirdContactAWeekAgo = aCustomer().contacts(ContactCounts.builder()
                .happened(1, OUTBOUND, MEETING, VALUE, 2)
                .happened(7, OUTBOUND, MEETING, VALUE, 1)
                .build());

        assertEquals(List.of(), refusalCodes(evaluate(thirdContactAWeekAgo, valueMeeting)));
    }

    @Test
    void contactExactlyThirtyDaysOldNoLongerCountsForTheMonth() {
        var eighthContactAMonthAgo = aCustomer().contacts(ContactCounts.builder()
                .happened(10, OUTBOUND, MEETING, VALUE, 7)
                .happened(30, OUTBOUND, MEETING, VALUE, 1)
                .build());

        assertEquals(List.of(), refusalCodes(evaluate(eighthContactAMonthAgo, valueMeeting)));
    }

    @Test
    void salesAndSurveyContactsCountTowardTheCapToo() {
        var pitchedSurveyedAndInformed = aCustomer().contacts(ContactCounts.builder()
                .happened(1, OUTBOUND, PHONE, SALES, 1)
                .happened(2, OUTBOUND, EMAIL, SURVEY, 1)
                .happened(3, OUTBOUND, MEETING, VALUE, 1)
                .happened(40, INBOUND, PHONE, SERVICE, 20)
                .build());

        ContactRefusal refusal = onlyRefusal(evaluate(pitchedSurveyedAndInformed, valueMeeting));

        assertEquals("CONTACT_CAP", refusal.getCode());
        assertEquals(List.of(3, 7, 3, "ANY", "*"), capEvidence(refusal));
    }

    @Test
    void bothCapsReachedGiveOneRefusalEach() {
        var contactedTooOftenWeekAndMonth = aCustomer().contacts(ContactCounts.builder()
                .happened(2, OUTBOUND, MEETING, VALUE, 3)
                .happened(10, OUTBOUND, MEETING, VALUE, 6)
                .build());

        Evaluation evaluation = evaluate(contactedTooOftenWeekAndMonth, valueMeeting);

        List<List<Object>> evidence = evaluation.all(ContactRefusal.class).stream()
                .map(ContactPolicyRulesTest::capEvidence)
                .sorted((a, b) -> Integer.compare((Integer) a.get(1), (Integer) b.get(1)))
                .toList();
        assertEquals(List.of(List.of(3, 7, 3, "ANY", "*"), List.of(9, 30, 8, "ANY", "*")), evidence);
    }

    // --- a cap on one channel binds only that channel ---

    @Test
    void fourEmailsThisMonthHoldBackEmailButNotACall() {
        var mailedFourTimesThisMonth = aCustomer().contacts(proactiveContacts(EMAIL, 30, 4));

        assertEquals(List.of("CONTACT_CAP"), refusalCodes(evaluate(mailedFourTimesThisMonth, valueEmail)));
        assertEquals(List.of(), refusalCodes(evaluate(mailedFourTimesThisMonth, valueCall)));
    }

    @Test
    void twoCallsThisWeekHoldBackACallButNotAnEmail() {
        var calledTwiceThisWeek = aCustomer().contacts(proactiveContacts(PHONE, 7, 2));

        assertEquals(List.of("CONTACT_CAP"), refusalCodes(evaluate(calledTwiceThisWeek, valueCall)));
        assertEquals(List.of(), refusalCodes(evaluate(calledTwiceThisWeek, valueEmail)));
    }

    @Test
    void emailExactlyThirtyDaysOldNoLongerCountsTowardTheEmailCap() {
        var fourthEmailAMonthAgo = aCustomer().contacts(ContactCounts.builder()
                .happened(10, OUTBOUND, EMAIL, VALUE, 3)
                .happened(30, OUTBOUND, EMAIL, VALUE, 1)
                .build());

        assertEquals(List.of(), refusalCodes(evaluate(fourthEmailAMonthAgo, valueEmail)));
    }

    @Test
    void adviceForAnyChannelIsHeldBackOnlyByTheCapsOnEveryChannel() {
        // Email and call caps are reached, but an advice does not pick a channel: only caps on ANY apply to it.
        var mailedAndCalledToTheirCaps = aCustomer().contacts(ContactCounts.builder()
                .happened(10, OUTBOUND, EMAIL, VALUE, 4)
                .happened(2, OUTBOUND, PHONE, VALUE, 2)
                .build());

        assertEquals(List.of(), refusalCodes(evaluate(mailedAndCalledToTheirCaps, ContactIntent.anyProactiveContact())));
    }

    @Test
    void anyProactiveContactInAdviceIsRefusedAtTheCap() {
        var contactedThriceThisWeek = aCustomer().contacts(proactiveContacts(EMAIL, 7, 3));

        assertEquals(List.of("CONTACT_CAP"), refusalCodes(evaluate(contactedThriceThisWeek, ContactIntent.anyProactiveContact())));
    }

    @Test
    void salesPitchToOverContactedCustomerIsRefusedOnEveryCount() {
        var overContacted = aCustomer().contacts(overContactedHistory());
        var salesCall = new ContactIntent(PHONE, SALES, OUTBOUND);

        Evaluation evaluation = evaluate(overContacted, salesCall);

        assertEquals(List.of("CONTACT_CAP", "CONTACT_CAP", "CONTACT_CAP", "SALES_TALK_RATIO"), refusalCodes(evaluation));
        assertEquals(List.of("ANY", "ANY", "PHONE"), evaluation.all(ContactRefusal.class).stream()
                .filter(r -> r.getCode().equals("CONTACT_CAP"))
                .map(r -> (String) r.getEvidence().get(3))
                .sorted()
                .toList());
    }

    // --- what the caps leave alone ---

    @ParameterizedTest
    @EnumSource(Purpose.class)
    void answeringAnInboundContactIsNeverRefused(Purpose purpose) {
        var overContactedComplainerJustMailed = aCustomer().contacts(overContactedHistory())
                .openComplaints(1).hoursSinceLastProactiveOutbound(1).emailsUnopenedSinceLastResponse(5);
        var customerCalledUs = new ContactIntent(PHONE, purpose, INBOUND);

        assertEquals(List.of(), refusalCodes(evaluate(overContactedComplainerJustMailed, customerCalledUs)));
    }

    @ParameterizedTest
    @EnumSource(value = Purpose.class, names = {"SERVICE", "TRANSACTIONAL"})
    void serviceAndTransactionalContactsAreNeverRefused(Purpose purpose) {
        var overContactedComplainerJustMailed = aCustomer().contacts(overContactedHistory())
                .openComplaints(1).hoursSinceLastProactiveOutbound(1).emailsUnopenedSinceLastResponse(5);
        var neededContact = new ContactIntent(EMAIL, purpose, OUTBOUND);

        assertEquals(List.of(), refusalCodes(evaluate(overContactedComplainerJustMailed, neededContact)));
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
        assertEquals(List.of(), refusalCodes(evaluate(busyButRarelyPitched, valueCall)));
    }

    // --- After a proactive contact, the customer is left alone for 24 hours ---

    @Test
    void proactiveContactRefused23HoursAfterTheLastOne() {
        var contactedYesterdayEvening = aCustomer().hoursSinceLastProactiveOutbound(23);

        ContactRefusal refusal = onlyRefusal(evaluate(contactedYesterdayEvening, valueMeeting));

        assertEquals("QUIET_PERIOD", refusal.getCode());
        assertEquals(List.of(23, 24), refusal.getEvidence());
        assertEquals(QUIET_PERIOD_RULE, refusal.getRule());
    }

    @Test
    void proactiveContactAllowed24HoursAfterTheLastOne() {
        var contactedADayAgo = aCustomer().hoursSinceLastProactiveOutbound(24);

        assertEquals(List.of(), refusalCodes(evaluate(contactedADayAgo, valueMeeting)));
    }

    @Test
    void anyProactiveContactInAdviceWaitsForTheQuietPeriod() {
        var contactedAnHourAgo = aCustomer().hoursSinceLastProactiveOutbound(1);

        assertEquals(List.of("QUIET_PERIOD"), refusalCodes(evaluate(contactedAnHourAgo, ContactIntent.anyProactiveContact())));
    }

    // --- Email pauses after 3 emails unopened in a row, until the customer opens one or contacts us ---

    @Test
    void proactiveEmailRefusedAfterThreeUnopenedSinceTheCustomerLastResponded() {
        var ignoringOurMail = aCustomer().emailsUnopenedSinceLastResponse(3);

        ContactRefusal refusal = onlyRefusal(evaluate(ignoringOurMail, valueEmail));

        assertEquals("EMAIL_PAUSED", refusal.getCode());
        assertEquals(List.of(3, 3), refusal.getEvidence());
        assertEquals(EMAIL_PAUSE_RULE, refusal.getRule());
    }

    @Test
    void proactiveEmailAllowedAfterTwoUnopened() {
        var missedTwoEmails = aCustomer().emailsUnopenedSinceLastResponse(2);

        assertEquals(List.of(), refusalCodes(evaluate(missedTwoEmails, valueEmail)));
    }

    @Test
    void pausedEmailLeavesCallsAndMeetingsAlone() {
        var ignoringOurMail = aCustomer().emailsUnopenedSinceLastResponse(3);

        assertEquals(List.of(), refusalCodes(evaluate(ignoringOurMail, valueCall)));
        assertEquals(List.of(), refusalCodes(evaluate(ignoringOurMail, valueMeeting)));
    }

    @Test
    void pausedEmailDoesNotHoldBackAdviceForAnyChannel() {
        var ignoringOurMail = aCustomer().emailsUnopenedSinceLastResponse(3);

        assertEquals(List.of(), refusalCodes(evaluate(ignoringOurMail, ContactIntent.anyProactiveContact())));
    }

    // --- Only service contacts while a complaint is open ---

    @ParameterizedTest
    @EnumSource(value = Purpose.class, names = {"SALES", "VALUE", "SURVEY"})
    void proactiveContactRefusedWhileAComplaintIsOpen(Purpose purpose) {
        var complaining = aCustomer().openComplaints(1);

        Evaluation evaluation = evaluate(complaining, new ContactIntent(EMAIL, purpose, OUTBOUND));

        ContactRefusal refusal = evaluation.all(ContactRefusal.class).stream()
                .filter(r -> r.getCode().equals("COMPLAINT_OPEN"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no COMPLAINT_OPEN refusal: " + refusalCodes(evaluation)));
        assertEquals(List.of(1), refusal.getEvidence());
        assertEquals(COMPLAINT_RULE, refusal.getRule());
    }

    @Test
    void valueContactAllowedOnceTheComplaintIsResolved() {
        var complaintResolved = aCustomer().openComplaints(0);

        assertEquals(List.of(), refusalCodes(evaluate(complaintResolved, valueEmail)));
    }

    @Test
    void anyProactiveContactInAdviceWaitsWhileAComplaintIsOpen() {
        var complaining = aCustomer().openComplaints(2);

        assertTrue(refusalCodes(evaluate(complaining, ContactIntent.anyProactiveContact())).contains("COMPLAINT_OPEN"));
    }

    /** Proactive value contacts on one channel inside a window: 2 days ago for the week, 10 days ago for the month. */
    private static ContactCounts proactiveContacts(Channel channel, int windowDays, int count) {
        return ContactCounts.builder()
                .happened(windowDays == 7 ? 2 : 10, OUTBOUND, channel, VALUE, count)
                .build();
    }

    /** The channel a cap row names; a cap on ANY channel is exercised with meetings, which no row caps on their own. */
    private static Channel channelOf(String capChannel) {
        return capChannel.equals("ANY") ? MEETING : Channel.valueOf(capChannel);
    }

    /** Every cap far exceeded, and every contact a sales call. */
    private static ContactCounts overContactedHistory() {
        return ContactCounts.builder()
                .happened(1, OUTBOUND, PHONE, SALES, 12)
                .build();
    }

    /** A cap refusal's numbers: the count, the window's days, the cap, its channel and segment (then where the window starts). */
    private static List<Object> capEvidence(ContactRefusal refusal) {
        return refusal.getEvidence().subList(0, 5);
    }
}
