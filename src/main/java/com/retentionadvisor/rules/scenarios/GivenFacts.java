package com.retentionadvisor.rules.scenarios;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.retentionadvisor.facts.ContactCounts;
import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.facts.GlobalCondition;

/**
 * Builds a scenario's {@link CustomerFacts}: each key of {@code given} is a method of {@link CustomerFacts.Builder},
 * and {@code contacts} is a list of {@link Scenario.Contact}. What a scenario leaves out keeps the builder's value.
 * The one key that is no customer fact, {@code globalFacts}, lists the global facts an operator has set, e.g.
 * {@code [MARKET_CRISIS]}: each becomes a {@link GlobalCondition}, as the live advice passes the active ones.
 */
final class GivenFacts {

    /** The key of {@code given} listing the active global facts; none when left out. */
    static final String GLOBAL_FACTS = "globalFacts";

    // As PUT /api/global-facts/{NAME} accepts them.
    private static final String GLOBAL_FACT_NAME = "[A-Z][A-Z0-9_]{0,59}";

    // Found by the builder's method names so that a fact added to the builder can be used in scenarios at once.
    private static final Map<String, Method> SETTERS = Arrays.stream(CustomerFacts.Builder.class.getMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .filter(m -> m.getParameterCount() == 1 && m.getReturnType() == CustomerFacts.Builder.class)
            .sorted(Comparator.comparing(Method::toGenericString))
            .collect(Collectors.toMap(Method::getName, m -> m, (first, overload) -> first, TreeMap::new));

    private static final JavaType CONTACTS = ScenarioYaml.MAPPER.getTypeFactory().constructCollectionType(List.class, Scenario.Contact.class);

    private GivenFacts() {
    }

    static CustomerFacts from(Map<String, JsonNode> given) {
        CustomerFacts.Builder builder = CustomerFacts.builder();
        given.forEach((fact, value) -> {
            if (!GLOBAL_FACTS.equals(fact)) {
                set(builder, fact, value);
            }
        });
        // As in the live facts, an inbound contact is the customer answering: unless the scenario says when the customer
        // last answered, it is the latest inbound contact it gives.
        if (!given.containsKey(LAST_RESPONSE) && given.get(CONTACTS_KEY) != null && given.get(CONTACTS_KEY).isArray()) {
            Double latestInbound = null;
            for (JsonNode contact : given.get(CONTACTS_KEY)) {
                if ("INBOUND".equals(contact.path("direction").asText()) && contact.path("daysAgo").isNumber()) {
                    double daysAgo = contact.path("daysAgo").asDouble();
                    latestInbound = latestInbound == null ? daysAgo : Math.min(latestInbound, daysAgo);
                }
            }
            builder.daysSinceLastResponse(latestInbound);
        }
        return builder.build();
    }

    private static final String LAST_RESPONSE = "daysSinceLastResponse";
    private static final String CONTACTS_KEY = "contacts";

    /** The global conditions named under {@code given.globalFacts}, each once, in the order written. */
    static List<GlobalCondition> globalConditions(Map<String, JsonNode> given) {
        JsonNode names = given.get(GLOBAL_FACTS);
        if (names == null) {
            return List.of();
        }
        String where = "given." + GLOBAL_FACTS;
        if (names.isNull()) {
            throw new InvalidScenarioException(where + " is empty: write [] for none or leave the line out");
        }
        if (!names.isArray()) {
            throw new InvalidScenarioException(where + ": expected a list of global fact names, e.g. [MARKET_CRISIS]");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            JsonNode name = names.get(i);
            if (!name.isTextual() || !name.asText().matches(GLOBAL_FACT_NAME)) {
                throw new InvalidScenarioException("'" + name.asText() + "' is not a valid value for " + where + "[" + (i + 1)
                        + "]: expected a global fact name, capitals, digits and _, e.g. MARKET_CRISIS");
            }
            distinct.add(name.asText());
        }
        List<GlobalCondition> conditions = new ArrayList<>();
        distinct.forEach(name -> conditions.add(new GlobalCondition(name)));
        return conditions;
    }

    private static void set(CustomerFacts.Builder builder, String fact, JsonNode value) {
        Method setter = SETTERS.get(fact);
        if (setter == null) {
            Set<String> facts = new TreeSet<>(SETTERS.keySet());
            facts.add(GLOBAL_FACTS);
            throw new InvalidScenarioException("unknown fact 'given." + fact + "'; the facts are " + facts);
        }
        Object converted = valueOf(setter, value, "given." + fact);
        try {
            setter.invoke(builder, converted);
        } catch (IllegalAccessException e) {
            throw new InvalidScenarioException("given." + fact + " cannot be set: " + e.getMessage());
        } catch (InvocationTargetException e) {
            throw new InvalidScenarioException("given." + fact + " cannot be set to " + value + ": " + e.getCause().getMessage());
        }
    }

    private static Object valueOf(Method setter, JsonNode value, String where) {
        Class<?> type = setter.getParameterTypes()[0];
        if (type == ContactCounts.class) {
            return contactCounts(value, where);
        }
        if (value.isNull() && type.isPrimitive()) {
            throw new InvalidScenarioException(where + " is empty: give it a value or leave the line out");
        }
        return ScenarioYaml.read(value, ScenarioYaml.MAPPER.constructType(setter.getGenericParameterTypes()[0]), where);
    }

    private static ContactCounts contactCounts(JsonNode value, String where) {
        if (!value.isArray()) {
            throw new InvalidScenarioException(where + ": expected a list of contacts, each {daysAgo, direction, channel, purpose, count}");
        }
        List<Scenario.Contact> contacts = ScenarioYaml.read(value, CONTACTS, where);
        ContactCounts.Builder counts = ContactCounts.builder();
        for (int i = 0; i < contacts.size(); i++) {
            Scenario.Contact contact = contacts.get(i);
            contact.requireComplete(where + "[" + (i + 1) + "]");
            counts.happened(contact.daysAgo(), contact.direction(), contact.channel(), contact.purpose(), contact.countOrOne(),
                    contact.campaign(), contact.person());
        }
        return counts.build();
    }
}
