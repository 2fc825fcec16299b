package com.retentionadvisor.rules;

import static com.retentionadvisor.contacts.Channel.EMAIL;
import static com.retentionadvisor.contacts.Channel.PHONE;
import static com.retentionadvisor.contacts.Direction.INBOUND;
import static com.retentionadvisor.contacts.Direction.OUTBOUND;
import static com.retentionadvisor.contacts.Purpose.SALES;
import static com.retentionadvisor.contacts.Purpose.SERVICE;
import static com.retentionadvisor.contacts.Purpose.VALUE;
import static com.retentionadvisor.rules.RuleScenario.aCustomer;
import static com.retentionadvisor.rules.RuleScenario.actionCodes;
import static com.retentionadvisor.rules.RuleScenario.evaluate;
import static com.retentionadvisor.rules.RuleScenario.onlyRefusal;
import static com.retentionadvisor.rules.RuleScenario.onlySuppression;
import static com.retentionadvisor.rules.RuleScenario.refusalCodes;
import static com.retentionadvisor.rules.RuleScenario.suppressedActionCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.facts.ContactCounts;

/**
 * Scenarios for rules/sales-ratio/sales-talk.drl, "Sales talk is at most 20% of all communication over 90 days", counting
 * the sales contact being checked. Past contacts are placed 40 days ago, outside the 7- and 30-day contact caps.
 */
class SalesTalkRatioRulesTest {

    private static final String REFUSAL_RULE = "A sales contact is refused when it would push sales talk above the limit";
    private static final String HOLD_BACK_RULE = "A sales action is held back when sales talk is at the limit";
    private static final String USEFUL_CONTENT_RULE = "Useful content is offered instead of sales talk held back";
    private static final String WAIT_RULE = "A proactive action waits while contact limits are reached";

    private final ContactIntent salesCall = new ContactIntent(PHONE, SALES, OUTBOUND);

    // --- A sales contact is refused when it would push sales talk above the limit ---

    @Test
    void salesPitchAllowedWhenItMakesSalesTalkExactlyTwentyPercent() {
        var fourServiceCalls = aCustomer().contacts(ContactCounts.builder()
                .happened(40, INBOUND, PHONE, SERVICE, 4)
                .build());

        assertEquals(List.of(), refusalCodes(evaluate(fourServiceCalls, salesCall)));
    }

    @Test
    void salesPitchRefusedAboveTwentyPercent() {
        var onePitchInFourContacts = aCustomer().contacts(ContactCounts.builder()
                .happened(40, OUTBOUND, PHONE, SALES, 1)
                .happened(40, INBOUND, PHONE, SERVICE, 3)
                .build());

        ContactRefusal refusal = onlyRefusal(evaluate(onePitchInFourContacts, salesCall));

        assertEquals("SALES_TALK_RATIO", refusal.getCode());
        assertEquals(List.of(0.4, 0.2, 90), refusal.getEvidence());
        assertEquals(REFUSAL_RULE, refusal.getRule());
    }

    @Test
    void salesPitchAllowedAfterOnePitchInNineContacts() {
        var onePitchInNineContacts = aCustomer().contacts(ContactCounts.builder()
                .happened(40, OUTBOUND, PHONE, SALES, 1)
                .happened(40, INBOUND, PHONE, SERVICE, 8)
                .build());

        assertEquals(List.of(), refusalCodes(evaluate(onePitchInNineContacts, salesCall)));
    }

    @Test
    void salesPitchesNinetyDaysOldOrOlderAreIgnored() {
        var pitchedHardLongAgo = aCustomer().contacts(ContactCounts.builder()
                .happened(40, INBOUND, PHONE, SERVICE, 4)
                .happened(90, OUTBOUND, PHONE, SALES, 5)
                .happened(200, OUTBOUND, PHONE, SALES, 5)
                .build());

        assertEquals(List.of(), refusalCodes(evaluate(pitchedHardLongAgo, salesCall)));
    }

    @Test
    void contactsNinetyDaysOldOrOlderDoNotDiluteSalesTalk() {
        var manyOldServiceCalls = aCustomer().contacts(ContactCounts.builder()
                .happened(40, OUTBOUND, PHONE, SALES, 1)
                .happened(40, INBOUND, PHONE, SERVICE, 3)
                .happened(90, INBOUND, PHONE, SERVICE, 20)
                .build());

        assertEquals(List.of("SALES_TALK_RATIO"), refusalCodes(evaluate(manyOldServiceCalls, salesCall)));
    }

    @Test
    void firstSalesPitchWithoutAnyRecentContactIsRefused() {
        // As written, the pitch would be 1 of 1 contacts (100%): a customer needs 4 other contacts before a first pitch.
        var silentCustomer = aCustomer();

        ContactRefusal refusal = onlyRefusal(evaluate(silentCustomer, salesCall));

        assertEquals("SALES_TALK_RATIO", refusal.getCode());
        assertEquals(List.of(1.0, 0.2, 90), refusal.getEvidence());
    }

    @ParameterizedTest
    @EnumSource(value = Purpose.class, names = {"VALUE", "SURVEY", "SERVICE", "TRANSACTIONAL"})
    void contactsThatAreNoPitchAreNeverRefusedByTheRatio(Purpose purpose) {
        var pitchedAtEveryContact = aCustomer().contacts(ContactCounts.builder()
                .happened(40, OUTBOUND, PHONE, SALES, 5)
                .build());
        var noPitch = new ContactIntent(EMAIL, purpose, OUTBOUND);

        assertEquals(List.of(), refusalCodes(evaluate(pitchedAtEveryContact, noPitch)));
    }

    @Test
    void customerAskingToBuyIsNeverRefusedByTheRatio() {
        var pitchedAtEveryContact = aCustomer().contacts(ContactCounts.builder()
                .happened(40, OUTBOUND, PHONE, SALES, 5)
                .build());
        var customerCallsToBuy = new ContactIntent(PHONE, SALES, INBOUND);

        assertEquals(List.of(), refusalCodes(evaluate(pitchedAtEveryContact, customerCallsToBuy)));
    }

    // --- A sales action gives way to value content when sales talk is at the limit (advice) ---

    @Test
    void salesActionsGiveWayToUsefulContentWhenSalesTalkIsAtTheLimit() {
        var expandingCustomerPitchedOnceInFour = aCustomer().contacts(ContactCounts.builder()
                .happened(40, OUTBOUND, PHONE, SALES, 1)
                .happened(40, INBOUND, PHONE, SERVICE, 3)
                .build());

        Evaluation advice = evaluate(expandingCustomerPitchedOnceInFour, ContactIntent.anyProactiveContact());

        assertEquals(List.of(), refusalCodes(advice));
        assertEquals(List.of("CROSS_SELL", "NEW_PRODUCT_OFFER", "SOLUTION_SELLING"), suppressedActionCodes(advice));
        ActionSuppression crossSell = onlySuppression(advice, "CROSS_SELL");
        assertEquals("SALES_TALK_RATIO", crossSell.getReasonCode());
        assertEquals(List.of(0.4, 0.2, 90), crossSell.getReasonArgs());
        assertEquals(HOLD_BACK_RULE, crossSell.getRule());

        List<ActionCandidate> usefulContent = advice.all(ActionCandidate.class).stream()
                .filter(a -> a.getCode().equals("SHARE_USEFUL_CONTENT"))
                .toList();
        assertEquals(1, usefulContent.size(), "useful content is offered once, however many sales actions are held back");
        ActionCandidate offered = usefulContent.get(0);
        assertEquals(65, offered.getPriority(), "as urgent as the most urgent sales action held back (CROSS_SELL)");
        assertEquals(VALUE, offered.getPurpose());
        assertEquals("INSTEAD_OF_SALES", offered.getReasonCode());
        assertEquals(USEFUL_CONTENT_RULE, offered.getRule());
    }

    @Test
    void salesActionsStayWhenSalesTalkIsWithinTheLimit() {
        var expandingCustomerNeverPitched = aCustomer().contacts(ContactCounts.builder()
                .happened(40, INBOUND, PHONE, SERVICE, 4)
                .build());

        Evaluation advice = evaluate(expandingCustomerNeverPitched, ContactIntent.anyProactiveContact());

        assertEquals(List.of(), suppressedActionCodes(advice));
        assertEquals(List.of("CROSS_SELL", "NEW_PRODUCT_OFFER", "REFERRAL_PROGRAMME", "SOLUTION_SELLING"), actionCodes(advice));
    }

    // --- A proactive action waits while contact limits are reached (advice) ---

    @Test
    void proactiveActionsWaitWhileContactLimitsAreReached() {
        var expandingCustomerContactedThriceThisWeek = aCustomer().contacts(contactCapReachedWithoutSalesTalk());

        Evaluation advice = evaluate(expandingCustomerContactedThriceThisWeek, ContactIntent.anyProactiveContact());

        assertEquals(List.of("CONTACT_CAP"), refusalCodes(advice));
        assertEquals(List.of("CROSS_SELL", "NEW_PRODUCT_OFFER", "REFERRAL_PROGRAMME", "SOLUTION_SELLING"),
                suppressedActionCodes(advice, "CONTACT_LIMIT_REACHED"));
        ActionSuppression referral = onlySuppression(advice, "REFERRAL_PROGRAMME");
        assertEquals(List.of("CONTACT_CAP"), referral.getReasonArgs());
        assertEquals(WAIT_RULE, referral.getRule());
    }

    @Test
    void recoveryCallIsNotHeldBackByContactLimits() {
        var detractorContactedThriceThisWeek = aCustomer().latestNps(3).contacts(contactCapReachedWithoutSalesTalk());

        Evaluation advice = evaluate(detractorContactedThriceThisWeek, ContactIntent.anyProactiveContact());

        assertEquals(List.of("CONTACT_CAP"), refusalCodes(advice));
        assertTrue(actionCodes(advice).contains("RECOVERY_CALL"));
        assertFalse(suppressedActionCodes(advice).contains("RECOVERY_CALL"));
    }

    @Test
    void proactiveActionsWaitWhileAComplaintIsOpenButItsResolutionDoesNot() {
        var complainingExpandingCustomer = aCustomer().openComplaints(1).contacts(ContactCounts.builder()
                .happened(40, INBOUND, PHONE, SERVICE, 4)
                .build());

        Evaluation advice = evaluate(complainingExpandingCustomer, ContactIntent.anyProactiveContact());

        assertEquals(List.of("COMPLAINT_OPEN"), refusalCodes(advice));
        assertEquals(List.of("CROSS_SELL", "NEW_PRODUCT_OFFER", "REFERRAL_PROGRAMME", "SOLUTION_SELLING"),
                suppressedActionCodes(advice, "CONTACT_LIMIT_REACHED"));
        assertEquals(List.of("COMPLAINT_OPEN"), onlySuppression(advice, "CROSS_SELL").getReasonArgs());
        assertTrue(actionCodes(advice).contains("RESOLVE_COMPLAINT"));
        assertFalse(suppressedActionCodes(advice).contains("RESOLVE_COMPLAINT"));
    }

    @Test
    void proactiveActionsWaitForTheQuietPeriod() {
        var expandingCustomerContactedAnHourAgo = aCustomer().hoursSinceLastProactiveOutbound(1).contacts(ContactCounts.builder()
                .happened(40, INBOUND, PHONE, SERVICE, 4)
                .build());

        Evaluation advice = evaluate(expandingCustomerContactedAnHourAgo, ContactIntent.anyProactiveContact());

        assertEquals(List.of("QUIET_PERIOD"), refusalCodes(advice));
        assertEquals(List.of("CROSS_SELL", "NEW_PRODUCT_OFFER", "REFERRAL_PROGRAMME", "SOLUTION_SELLING"),
                suppressedActionCodes(advice, "CONTACT_LIMIT_REACHED"));
    }

    /** Three proactive contacts this week reach the 7-day cap; many service calls keep sales talk far below 20%. */
    private static ContactCounts contactCapReachedWithoutSalesTalk() {
        return ContactCounts.builder()
                .happened(2, OUTBOUND, EMAIL, VALUE, 3)
                .happened(40, INBOUND, PHONE, SERVICE, 20)
                .build();
    }
}
