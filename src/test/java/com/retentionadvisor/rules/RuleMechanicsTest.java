package com.retentionadvisor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.facts.CustomerFacts;

/**
 * How the engine reads decision tables and names what the rules conclude, on a small ruleset of the tests' own
 * (src/test/resources/fixture-rules-mechanics): what the shipped rules conclude is for the analysts' scenarios.
 */
class RuleMechanicsTest {

    private static final String APPLYING_RULE = "Fixture: a proactive contact is refused by the limit of the customer's segment";

    // Holder idiom: the fixture compiles on first use, once per test JVM.
    private static final class Compiled {
        static final Ruleset RULESET = Ruleset.load(Path.of("src/test/resources/fixture-rules-mechanics"));
    }

    @Test
    void everyRowOfATableIsARuleNamedByItsRuleNameCell() {
        assertTrue(Compiled.RULESET.ruleNames().containsAll(List.of(
                "Fixture limit: 7 for every segment", "Fixture limit: 11 for segment GOLD",
                "Fixture offer: awareness gets a brochure", "Fixture offer: expansion gets a bundle")),
                () -> "rules: " + Compiled.RULESET.ruleNames());
    }

    @Test
    void anActionProposedByATableRowIsNamedByTheRowAndCarriesItsCells() {
        Evaluation evaluation = evaluate(CustomerFacts.builder().crmStage(RelationshipStage.EXPANSION));

        List<ActionCandidate> actions = evaluation.all(ActionCandidate.class);
        assertEquals(1, actions.size(), () -> "actions: " + actions);
        ActionCandidate bundle = actions.get(0);
        assertEquals("FIXTURE_BUNDLE", bundle.getCode());
        assertEquals(Purpose.SALES, bundle.getPurpose());
        assertEquals(23, bundle.getPriority());
        assertEquals("FIXTURE_STAGE", bundle.getReasonCode());
        assertEquals(List.of(RelationshipStage.EXPANSION), bundle.getReasonArgs());
        assertEquals("Fixture offer: expansion gets a bundle", bundle.getRule());
        assertTrue(evaluation.firedRules().contains("Fixture offer: expansion gets a bundle"));
    }

    @Test
    void aSegmentWithARowOfItsOwnIsHeldToThatRowOnly() {
        // Were the row of * copied before every row is read, GOLD would be held to both limits.
        List<ContactRefusal> refusals = evaluate(CustomerFacts.builder().segment("GOLD"), ContactIntent.anyProactiveContact())
                .all(ContactRefusal.class);

        assertEquals(1, refusals.size(), () -> "refusals: " + refusals);
        assertEquals(List.of(11, "GOLD"), refusals.get(0).getEvidence());
        assertEquals(APPLYING_RULE, refusals.get(0).getRule());
    }

    @Test
    void aSegmentWithoutARowOfItsOwnIsHeldToTheRowOfStarByTheSameRule() {
        Evaluation evaluation = evaluate(CustomerFacts.builder().segment("SILVER"), ContactIntent.anyProactiveContact());

        List<ContactRefusal> refusals = evaluation.all(ContactRefusal.class);
        assertEquals(1, refusals.size(), () -> "refusals: " + refusals);
        assertEquals(List.of(7, "*"), refusals.get(0).getEvidence());
        assertEquals(APPLYING_RULE, refusals.get(0).getRule(), "the outcome names the rule that inserted it, not the one that copied the row");
        assertTrue(evaluation.firedRules().contains("Fixture: a segment without a limit of its own takes the limit of segment *"));
    }

    private static Evaluation evaluate(CustomerFacts.Builder customer, Object... more) {
        List<Object> facts = new ArrayList<>(customer.build().forRules());
        facts.addAll(List.of(more));
        return Compiled.RULESET.evaluate(facts, 1_000, java.time.Duration.ofSeconds(5));
    }
}
