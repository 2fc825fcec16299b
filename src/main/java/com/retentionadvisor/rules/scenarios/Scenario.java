package com.retentionadvisor.rules.scenarios;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.rules.ContactIntent;

/**
 * One scenario as an analyst writes it in rules/tests/*.yaml: the customer's facts, optionally a contact being
 * checked, and what the rules should conclude. The format is described in rules/tests/README.md.
 */
public record Scenario(String name, String description, Map<String, JsonNode> given, Check check, Expect expect) {

    public Scenario {
        given = given == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }

    /** Reads one scenario of a file; fails on an unknown or empty field, a missing name or nothing to expect. */
    static Scenario read(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidScenarioException("a scenario is a group of fields starting with '- name:'");
        }
        ScenarioYaml.requireNoEmptyFields(node, "");
        ScenarioYaml.requireNoEmptyFields(node.path("check"), "check");
        ScenarioYaml.requireNoEmptyFields(node.path("expect"), "expect");
        Scenario scenario = ScenarioYaml.read(node, Scenario.class, "");
        if (scenario.name() == null || scenario.name().isBlank()) {
            throw new InvalidScenarioException("the scenario has no name: start it with '- name: …'");
        }
        if (scenario.expect() == null || scenario.expect().isEmpty()) {
            throw new InvalidScenarioException("expect is missing: say what the rules should conclude");
        }
        return scenario;
    }

    /**
     * The contact being checked, for the person {@code given.person} names if any; without a check, any proactive
     * contact, as in an advice.
     */
    public ContactIntent intent(CustomerFacts facts) {
        String person = facts.getPerson() == null ? null : facts.getPerson().id();
        return check == null ? ContactIntent.anyProactiveContact() : check.toIntent(person);
    }

    /** A contact someone wants to make now; outbound unless the scenario says otherwise; optionally of a campaign. */
    public record Check(Channel channel, Purpose purpose, Direction direction, String campaign) {

        ContactIntent toIntent(String person) {
            return new ContactIntent(channel, purpose, direction == null ? Direction.OUTBOUND : direction, campaign, person);
        }
    }

    /**
     * Contacts that happened {@code daysAgo} days before the as-of instant: {@code count} of them, 1 unless said;
     * optionally of a campaign and with a person of the account (by id).
     */
    public record Contact(Double daysAgo, Direction direction, Channel channel, Purpose purpose, Integer count,
                          String campaign, String person) {

        /** Fails unless every field a contact needs is there and makes sense; {@code where} names it in messages. */
        void requireComplete(String where) {
            if (daysAgo == null || direction == null || channel == null || purpose == null) {
                throw new InvalidScenarioException(where + " needs daysAgo, direction, channel and purpose (count is 1 unless given)");
            }
            if (daysAgo < 0) {
                throw new InvalidScenarioException(where + ".daysAgo is " + daysAgo + ": a contact happened 0 or more days ago");
            }
            if (count != null && count < 1) {
                throw new InvalidScenarioException(where + ".count is " + count + ": leave the contact out instead");
            }
        }

        int countOrOne() {
            return count == null ? 1 : count;
        }
    }
}
