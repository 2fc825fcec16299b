package com.retentionadvisor.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.rules.Evaluation;
import com.retentionadvisor.rules.Ruleset;

/**
 * What Java does with the rules' actions, on a fixture ruleset compiled by the real engine (rules/README.md, "What Java
 * does with the rules' actions"): an action counts once at its highest priority, one without terms or suppressed is
 * not proposed, the most urgent are proposed up to the rules' daily limit, each ranked at priority × value weight.
 */
class AdviceComposerTest {

    private static final String ACTIONS = """
            package retention;
            import com.retentionadvisor.contacts.Purpose;
            import com.retentionadvisor.rules.ActionCandidate;
            import com.retentionadvisor.rules.ActionLimit;
            import com.retentionadvisor.rules.ActionRouting;
            import com.retentionadvisor.rules.ActionSuppression;
            import com.retentionadvisor.rules.CustomerValue;
            rule "Fixture actions"
            when
            then
                insert(new ActionCandidate("CALL", Purpose.VALUE, 50, "FIXTURE"));
                insert(new ActionCandidate("CALL", Purpose.VALUE, 90, "FIXTURE"));
                insert(new ActionCandidate("VISIT", Purpose.VALUE, 80, "FIXTURE"));
                insert(new ActionCandidate("MAIL", Purpose.VALUE, 70, "FIXTURE"));
                insert(new ActionCandidate("GIFT", Purpose.VALUE, 99, "FIXTURE"));
                insert(new ActionCandidate("OFFER", Purpose.SALES, 95, "FIXTURE"));
            end
            rule "Fixture terms: every action but GIFT"
            when
            then
                insert(new ActionRouting("CALL", "MANAGER", 5));
                insert(new ActionRouting("VISIT", "FIELD_TEAM", 7));
                insert(new ActionRouting("MAIL", "MANAGER", 3));
                insert(new ActionRouting("OFFER", "MANAGER", 3));
            end
            rule "Fixture suppression of OFFER"
            when
            then
                insert(new ActionSuppression("OFFER", "FIXTURE"));
            end
            rule "Fixture limit of 2 a day"
            when
            then
                insert(new ActionLimit(2));
            end
            rule "Fixture value weight 1.5"
            when
            then
                insert(new CustomerValue("GOLD", 1.5));
            end
            """;

    @Test
    void shouldProposeTheMostUrgentActionsWithTermsUpToTheDailyLimitRankedByPriorityTimesValue() {
        AdviceView advice = adviceOf(ACTIONS);

        assertEquals(List.of("CALL", "VISIT"), advice.actions().stream().map(AdviceView.Action::code).toList());
        AdviceView.Action call = advice.actions().get(0);
        assertEquals(90, call.priority());
        assertEquals(135, call.rank());
        assertEquals("MANAGER", call.owner());
        assertEquals(5, call.dueInDays());
        assertEquals("Fixture terms: every action but GIFT", call.routingRule());
        assertEquals(120, advice.actions().get(1).rank());
    }

    @Test
    void shouldHoldBackAnActionWithoutTermsASuppressedOneAndThoseBeyondTheLimitEachWithItsReason() {
        AdviceView advice = adviceOf(ACTIONS);

        assertEquals(Set.of("GIFT", "OFFER", "MAIL"),
                advice.suppressed().stream().map(AdviceView.SuppressedAction::code).collect(Collectors.toSet()));
        AdviceView.SuppressedAction gift = suppressed(advice, "GIFT");
        assertEquals("Waits for terms: no owner and due date", gift.reason());
        assertNull(gift.rule());
        assertEquals("Fixture suppression of OFFER", suppressed(advice, "OFFER").rule());
        assertEquals("Fixture limit of 2 a day", suppressed(advice, "MAIL").rule());
    }

    private static AdviceView.SuppressedAction suppressed(AdviceView advice, String code) {
        return advice.suppressed().stream().filter(action -> action.code().equals(code)).findFirst().orElseThrow();
    }

    private static AdviceView adviceOf(String drl) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("next-best-action/fixture.drl", drl.getBytes(StandardCharsets.UTF_8));
        files.put("messages.properties", "reason.NO_TERMS=Waits for terms: no owner and due date\n".getBytes(StandardCharsets.UTF_8));
        Ruleset ruleset = Ruleset.compile(files);
        CustomerFacts facts = CustomerFacts.builder().customerId("C-1").segment("*").build();
        Evaluation evaluation = ruleset.evaluate(facts.forRules(), 100, java.time.Duration.ofSeconds(5));
        return new AdviceComposer(ruleset.messages(), Locale.ENGLISH).advice(facts, evaluation);
    }
}
